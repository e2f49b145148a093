using System.Collections.Generic;

namespace Rho.Fast;

/// <summary>A line sink that owns what its lines make: items ready to hand out, and what the end of the input settles.</summary>
/// <typeparam name="T">What it makes.</typeparam>
internal interface IReadySink<T> : ILineSink
{
    /// <summary>The items made since the driver last took them; the driver clears the list.</summary>
    List<T> Ready { get; }

    /// <summary>Ends the input: what only the end decides (a torn last line, an open tool turn) is settled.</summary>
    void Complete();
}
