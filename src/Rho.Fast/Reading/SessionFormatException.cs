using System;

namespace Rho.Fast;

/// <summary>
/// A session file that cannot be read: a line that is not a valid entry and is not the last
/// non-empty line (only a torn last line can be skipped safely), or a line longer than the limit.
/// Names the file, the 1-based line number and the byte offsets involved.
/// </summary>
public sealed class SessionFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file path or other name of the input, if known.</param>
    /// <param name="lineNumber">The 1-based line number.</param>
    /// <param name="lineOffset">The byte offset in the input where the line starts.</param>
    /// <param name="byteOffset">The byte offset of the problem itself (at least <paramref name="lineOffset"/>).</param>
    /// <param name="reason">What is wrong with the line.</param>
    /// <param name="innerException">The parse error, if any.</param>
    public SessionFormatException(string? source, long lineNumber, long lineOffset, long byteOffset, string reason, Exception? innerException = null)
        : base(Describe(source, lineNumber, byteOffset, reason), innerException)
    {
        SourceName = source;
        LineNumber = lineNumber;
        LineOffset = lineOffset;
        ByteOffset = byteOffset;
        Reason = reason;
    }

    /// <summary>The file path or other name of the input, or <see langword="null"/>.</summary>
    public string? SourceName { get; }

    /// <summary>The 1-based line number of the bad line.</summary>
    public long LineNumber { get; }

    /// <summary>The byte offset in the input where the bad line starts.</summary>
    public long LineOffset { get; }

    /// <summary>The byte offset in the input of the problem.</summary>
    public long ByteOffset { get; }

    /// <summary>What is wrong with the line, without the location.</summary>
    public string Reason { get; }

    private static string Describe(string? source, long lineNumber, long byteOffset, string reason) =>
        (source ?? "<input>") + ": line " + lineNumber + " (byte offset " + byteOffset + "): " + reason;
}
