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
    public WireSyntaxException(string problem, long bytePosition)
        : base(problem + " (at byte " + bytePosition + ")", path: null, lineNumber: null, bytePositionInLine: bytePosition)
    {
        Problem = problem;
    }

    /// <summary>The problem without the byte position, for callers that report the position themselves.</summary>
    public string Problem { get; }
}
