using System.Text.Json;

namespace Rho.Fast.Serialization;

/// <summary>
/// Input that is not JSON as serde_json reads it: broken grammar, a raw control character or bad
/// escape in a string, invalid UTF-8, nesting deeper than <see cref="Wire.MaxDepth"/>, or data
/// after the value. Derives from <see cref="JsonException"/>, so code that catches that keeps working.
/// </summary>
public sealed class WireSyntaxException : JsonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong and what was expected, as a sentence.</param>
    /// <param name="bytePosition">Offset of the offending byte from the start of the reader's input.</param>
    /// <remarks>Without the input, the position is taken to be on its first line.</remarks>
    public WireSyntaxException(string problem, long bytePosition)
        : this(problem, bytePosition, line: 1, column: bytePosition + 1)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong and what was expected, as a sentence.</param>
    /// <param name="bytePosition">Offset of the offending byte from the start of the reader's input.</param>
    /// <param name="line">The 1-based line of the offending byte.</param>
    /// <param name="column">The 1-based column of the offending byte, counted in bytes from the start of its line.</param>
    public WireSyntaxException(string problem, long bytePosition, long line, long column)
        : base(problem + " (at byte " + bytePosition + ", line " + line + ", column " + column + ")", path: null, lineNumber: null, bytePositionInLine: bytePosition)
    {
        Problem = problem;
        BytePosition = bytePosition;
        Line = line;
        Column = column;
    }

    /// <summary>Offset of the offending byte from the start of the reader's input.</summary>
    public long BytePosition { get; }

    /// <summary>The 1-based line of the offending byte (lines end at <c>\n</c>).</summary>
    public long Line { get; }

    /// <summary>The 1-based column of the offending byte, in bytes from the start of its line.</summary>
    public long Column { get; }

    /// <summary>The problem without the byte position, for callers that report the position themselves.</summary>
    public string Problem { get; }
}
