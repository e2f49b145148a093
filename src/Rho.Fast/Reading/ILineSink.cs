using System;

namespace Rho.Fast;

/// <summary>Receives the lines a <see cref="LineSplitter"/> finds, in order.</summary>
internal interface ILineSink
{
    /// <summary>The number of lines received so far.</summary>
    long LineCount { get; }

    /// <summary>One line without its <c>\n</c>.</summary>
    /// <param name="line">The line's bytes; valid only during the call.</param>
    /// <param name="offset">The offset of the line's first byte in the input.</param>
    /// <param name="end">The offset just past the line and its newline.</param>
    void Line(ReadOnlySpan<byte> line, long offset, long end);
}
