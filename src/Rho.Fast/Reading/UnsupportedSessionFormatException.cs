using System;

namespace Rho.Fast;

/// <summary>
/// A session file in a format this version of Rho.Fast does not read: a header naming another
/// format version, or a complete entry it cannot map (an entry type, message kind or field shape
/// a newer rho writes). Nothing is wrong with the file, so nothing reads it partially and nothing
/// writes to it: reading stops here, and resuming, appending and repairing leave it as it is.
/// </summary>
public sealed class UnsupportedSessionFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sourceName">The file path or other name of the input, if known.</param>
    /// <param name="lineNumber">The 1-based line number of the header or entry.</param>
    /// <param name="lineOffset">The byte offset in the input where that line starts.</param>
    /// <param name="formatVersion">The version the file's header names, when known.</param>
    /// <param name="reason">What this version cannot read, without the location.</param>
    /// <param name="innerException">The parse error, if any.</param>
    public UnsupportedSessionFormatException(string? sourceName, long lineNumber, long lineOffset, ulong? formatVersion, string reason, Exception? innerException = null)
        : base(Describe(sourceName, lineNumber, lineOffset, reason), innerException)
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
        LineOffset = lineOffset;
        FormatVersion = formatVersion;
        Reason = reason;
    }

    /// <summary>The file path or other name of the input, or <see langword="null"/>.</summary>
    public string? SourceName { get; }

    /// <summary>The 1-based line number of the header or entry.</summary>
    public long LineNumber { get; }

    /// <summary>The byte offset in the input where that line starts.</summary>
    public long LineOffset { get; }

    /// <summary>The format version the file's header names, or <see langword="null"/> when there was no header before this line.</summary>
    public ulong? FormatVersion { get; }

    /// <summary>What this version cannot read, without the location.</summary>
    public string Reason { get; }

    private static string Describe(string? sourceName, long lineNumber, long lineOffset, string reason) =>
        (sourceName ?? "<input>") + ": line " + lineNumber + " (byte offset " + lineOffset + "): " + reason + "; the file is left as it is";
}
