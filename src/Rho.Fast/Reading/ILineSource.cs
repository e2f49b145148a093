using System;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast;

/// <summary>
/// Where a read's bytes come from: a pipe, or a file read into kept arrays or into one reused
/// buffer. Each pump reads once and hands every whole line to the source's sink.
/// </summary>
internal interface ILineSource : IAsyncDisposable
{
    /// <summary>Reads once and hands the whole lines read to the sink.</summary>
    /// <returns>Whether the input has ended, its last line handed on too.</returns>
    ValueTask<bool> PumpAsync(CancellationToken cancellationToken);
}
