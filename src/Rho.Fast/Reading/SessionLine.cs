using System;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>What one line of a session file holds.</summary>
internal enum LineKind
{
    Blank,
    Entry,
    Unreadable,
}

/// <summary>Why a line could not be read, and where.</summary>
/// <param name="ByteOffset">The offset of the problem in the input.</param>
/// <param name="Reason">What is wrong.</param>
/// <param name="Inner">The parse error, if any.</param>
internal sealed record LineError(long ByteOffset, string Reason, Exception? Inner);

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
    /// <param name="entry">The entry, when the line holds one.</param>
    /// <param name="error">Why not, when it is unreadable.</param>
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
            return LineKind.Unreadable;
        }

        try
        {
            entry = Wire.DeserializeValidUtf8<SessionEntry>(content);
            return LineKind.Entry;
        }
        catch (JsonException e)
        {
            string reason = e is WireFormatException wire ? wire.Detail : "invalid JSON: " + WithoutPosition(e.Message);
            error = new LineError(contentOffset + (e.BytePositionInLine ?? 0), reason, e);
            return LineKind.Unreadable;
        }
    }

    /// <summary>
    /// Looks for a readable entry inside an unreadable line, for salvage: after a run of NUL bytes,
    /// or glued behind a torn entry. Returns the start of the recovered entry within the line, or -1.
    /// </summary>
    public static int Salvage(ReadOnlySpan<byte> content, out SessionEntry? entry)
    {
        entry = null;
        int start = content.IndexOfAnyExcept((byte)0);
        if (start < 0)
        {
            return -1;
        }

        // Try each later "{"type": as the start of a complete entry, nearest to the end last, so
        // the longest intact entry wins.
        for (int at = start; at >= 0 && at < content.Length;)
        {
            ReadOnlySpan<byte> candidate = content[at..];
            if (candidate.StartsWith(EntryStart) && Decode(candidate, 0, out entry, out _) == LineKind.Entry)
            {
                return at;
            }

            int next = content[(at + 1)..].IndexOf(EntryStart);
            at = next < 0 ? -1 : at + 1 + next;
        }

        entry = null;
        return -1;
    }

    /// <summary>
    /// Salvages an unreadable line (see <see cref="Salvage(ReadOnlySpan{byte}, out SessionEntry?)"/>)
    /// and records it in <paramref name="summary"/> as recovered or skipped. Returns the start of
    /// the recovered entry within the line, or -1.
    /// </summary>
    public static int Salvage(ReadOnlySpan<byte> content, long lineNumber, long offset, LineError error, SessionReadSummary summary, out SessionEntry? entry)
    {
        string preview = Preview(content);
        int recoveredAt = Salvage(content, out entry);
        if (recoveredAt < 0)
        {
            summary.AddSkipped(new SessionLineIssue(lineNumber, offset, error.Reason, preview));
        }
        else
        {
            summary.AddRecovered(new SessionLineIssue(lineNumber, offset, "a complete entry was recovered from a damaged line: " + error.Reason, preview));
        }

        return recoveredAt;
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
