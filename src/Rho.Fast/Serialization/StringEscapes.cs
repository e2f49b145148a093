using System;

namespace Rho.Fast.Serialization;

/// <summary>What kinds of escape a JSON string body holds, as its scan found them.</summary>
[Flags]
internal enum StringEscapes : byte
{
    /// <summary>No escape: the body is the text.</summary>
    None = 0,

    /// <summary>
    /// Escapes serde_json itself writes: <c>\"</c>, <c>\\</c>, <c>\b</c>, <c>\f</c>, <c>\n</c>,
    /// <c>\r</c>, <c>\t</c>, and lowercase <c>\u00xx</c> for other control characters.
    /// </summary>
    Serde = 1,

    /// <summary>
    /// An escape serde_json would not write (<c>\/</c>, or <c>\u</c> for a character it writes
    /// otherwise): the body is not written back as it is.
    /// </summary>
    Foreign = 2,

    /// <summary>A <c>\u</c> escape of a surrogate: whether each pairs is checked where the text is decoded.</summary>
    Surrogate = 4,
}
