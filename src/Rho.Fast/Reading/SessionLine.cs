using System;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>What one line of a session file holds.</summary>
internal enum LineKind
{
    /// <summary>Nothing but Rust whitespace.</summary>
    Blank,

    /// <summary>An entry this version reads, of a supported format version.</summary>
    Entry,

    /// <summary>Not a complete JSON value: cut short, invalid UTF-8, a NUL run, glued garbage. The only kind ever cut from a file.</summary>
    Torn,

    /// <summary>A complete JSON value this version cannot map to an entry: a newer writer's, never cut.</summary>
    Unknown,

    /// <summary>A session header whose format version this version does not read.</summary>
    UnsupportedVersion,
}

/// <summary>Why a line could not be read, and where.</summary>
/// <param name="ByteOffset">The offset of the problem in the input.</param>
/// <param name="Reason">What is wrong.</param>
/// <param name="Inner">The parse error, if any.</param>
/// <param name="FormatVersion">The header's format version, for a header of an unsupported version.</param>
/// <param name="EntryType">The <c>type</c> of a complete entry that could not be read, when it has one.</param>
/// <param name="Unrecognized">Whether the line is a well-formed entry of a type this version does not know (kept and reported, never fatal).</param>
internal sealed record LineError(long ByteOffset, string Reason, Exception? Inner, ulong? FormatVersion = null, string? EntryType = null, bool Unrecognized = false)
{
    /// <summary>Whether the line is a session header, of whatever version or shape.</summary>
    public bool IsHeader => EntryType == "session" || FormatVersion is not null;
}

/// <summary>
/// Decodes one line the way the reference reader sees it: <c>\r\n</c> endings, Rust's notion of a
/// blank line, UTF-8 validity, and one <see cref="SessionEntry"/> parsed in place.
/// </summary>
internal static class SessionLine
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> EntryStart => "{\"type\":"u8;

    /// <summary>The line without its <c>\r</c>, and without a BOM when it is the first line of the input.</summary>
    public static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> line, long offset, out int skipped)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        skipped = 0;
        if (offset == 0 && line.StartsWith(Bom))
        {
            // Documented leniency: a UTF-8 BOM before the first line is ignored (serde would fail).
            skipped = Bom.Length;
            line = line[Bom.Length..];
        }

        return line;
    }

    /// <summary>Classifies and parses a line's content.</summary>
    /// <param name="content">The line from <see cref="Content"/>.</param>
    /// <param name="contentOffset">The offset of <paramref name="content"/> in the input.</param>
    /// <param name="entry">The entry, when the line holds one (a header of an unsupported version included).</param>
    /// <param name="error">Why not, when the line is torn, unknown or of an unsupported version.</param>
    public static LineKind Decode(ReadOnlySpan<byte> content, long contentOffset, out SessionEntry? entry, out LineError? error)
    {
        entry = null;
        error = null;
        if (RustWhitespace.IsBlank(content))
        {
            return LineKind.Blank;
        }

        if (!Utf8.IsValid(content))
        {
            error = new LineError(contentOffset + FirstInvalidByte(content), "the line is not valid UTF-8", null);
            return LineKind.Torn;
        }

        try
        {
            entry = Wire.DeserializeValidUtf8<SessionEntry>(content);
        }
        catch (JsonException e)
        {
            return Unparsed(content, contentOffset, e, out error);
        }

        if (entry is SessionEntry.Header { Version: var version } && !IsReadable(version))
        {
            error = new LineError(contentOffset, UnsupportedVersion(version), null, version);
            return LineKind.UnsupportedVersion;
        }

        if (entry is SessionEntry.Unrecognized)
        {
            CompleteJson.Probe(content, out string? type, out _);
            error = new LineError(contentOffset, "a '" + type + "' entry, a type this version of Rho.Fast does not know", null, EntryType: type, Unrecognized: true);
            return LineKind.Unknown;
        }

        return LineKind.Entry;
    }

    /// <summary>
    /// The first header decides the file's format version; a later header the entry parser reads
    /// is an entry like any other (the reference skips it, whatever its version).
    /// </summary>
    public static LineKind InContext(LineKind kind, SessionEntry? entry, bool sawHeader) =>
        kind == LineKind.UnsupportedVersion && entry is not null && sawHeader ? LineKind.Entry : kind;

    /// <summary>What to report for a complete line this version cannot read: for an entry, that a newer rho wrote it.</summary>
    public static string NewerFormatReason(LineError error) =>
        error.FormatVersion is not null
            ? error.Reason
            : error.Reason + "; the file was written by a newer rho than this version of Rho.Fast reads (format v1 to v" + Session.NewestReadableFormatVersion + ")";

    /// <summary>The reason given for a header of a format version this version does not read.</summary>
    public static string UnsupportedVersion(ulong version) =>
        "written by rho format v" + version + "; this version of Rho.Fast reads v1 to v" + Session.NewestReadableFormatVersion;

    /// <summary>Whether a header's format version is one this version reads.</summary>
    public static bool IsReadable(ulong version) => version is >= 1 and <= Session.NewestReadableFormatVersion;

    /// <summary>Sorts a line the entry parser rejected into torn, unknown or a header of another version.</summary>
    private static LineKind Unparsed(ReadOnlySpan<byte> content, long contentOffset, JsonException e, out LineError error)
    {
        string detail = e switch
        {
            WireFormatException wire => wire.Detail,
            WireSyntaxException syntax => "invalid JSON: " + syntax.Problem,
            _ => "invalid JSON: " + WithoutPosition(e.Message),
        };
        long at = contentOffset + (e.BytePositionInLine ?? 0);
        // Only a mapping failure on a whole value is a newer writer's entry; a syntax error, or a
        // value serde_json could not parse at all (too deep), is damage.
        if (e is not WireFormatException || !CompleteJson.IsComplete(content))
        {
            error = new LineError(at, detail, e);
            return LineKind.Torn;
        }

        CompleteJson.Probe(content, out string? type, out ulong? version);
        if (type == "session" && version is ulong header && !IsReadable(header))
        {
            error = new LineError(contentOffset, UnsupportedVersion(header), e, header, type);
            return LineKind.UnsupportedVersion;
        }

        string what = type is null ? "a complete JSON value that is not an entry this version of Rho.Fast reads" : "a complete '" + type + "' entry this version of Rho.Fast cannot read";
        error = new LineError(at, what + " (" + detail + ")", e, EntryType: type);
        return LineKind.Unknown;
    }

    /// <summary>
    /// Finds the next readable entry inside a torn line, at or after <paramref name="from"/>, for
    /// salvage: after a run of NUL bytes, glued behind a torn entry, or whole with torn bytes glued
    /// behind it. Each <c>{"type":</c> is tried as the start of one complete entry.
    /// </summary>
    public static bool NextEntry(ReadOnlySpan<byte> content, int from, out int start, out int length, out SessionEntry? entry)
    {
        entry = null;
        start = -1;
        length = 0;
        int skipNuls = content[from..].IndexOfAnyExcept((byte)0);
        for (int at = skipNuls < 0 ? -1 : from + skipNuls; at >= 0 && at < content.Length;)
        {
            ReadOnlySpan<byte> candidate = content[at..];
            if (candidate.StartsWith(EntryStart))
            {
                int value = FirstValueLength(candidate);
                if (value > 0 && Decode(candidate[..value], 0, out entry, out _) == LineKind.Entry)
                {
                    start = at;
                    length = value;
                    return true;
                }
            }

            int next = content[(at + 1)..].IndexOf(EntryStart);
            at = next < 0 ? -1 : at + 1 + next;
        }

        entry = null;
        return false;
    }

    /// <summary>Records a torn line in <paramref name="summary"/> as recovered (when it holds an entry) or skipped.</summary>
    public static void Record(ReadOnlySpan<byte> content, long lineNumber, long offset, LineError error, bool recovered, SessionReadSummary summary)
    {
        string preview = Preview(content);
        if (recovered)
        {
            summary.AddRecovered(new SessionLineIssue(lineNumber, offset, "a complete entry was recovered from a damaged line: " + error.Reason, preview));
        }
        else
        {
            summary.AddSkipped(new SessionLineIssue(lineNumber, offset, error.Reason, preview));
        }
    }

    /// <summary>The length of the JSON value <paramref name="utf8"/> starts with, or 0 when it does not start with a complete one.</summary>
    private static int FirstValueLength(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, Wire.ReaderOptions);
        try
        {
            return reader.Read() && reader.TrySkip() ? (int)reader.BytesConsumed : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    /// <summary>The first bytes of a line as printable text, for reports.</summary>
    public static string Preview(ReadOnlySpan<byte> content)
    {
        const int Length = 60;
        var builder = new StringBuilder();
        foreach (byte b in content[..Math.Min(content.Length, Length)])
        {
            builder.Append(b is >= 0x20 and < 0x7F ? (char)b : '·');
        }

        return content.Length > Length ? builder.Append('…').ToString() : builder.ToString();
    }

    // System.Text.Json appends its own position ("LineNumber: 0 | BytePositionInLine: 7."); the
    // session error states the line and the byte offset in the file instead.
    private static string WithoutPosition(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> line)
    {
        int index = 0;
        while (Rune.DecodeFromUtf8(line[index..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
        {
            index += consumed;
        }

        return index;
    }
}
