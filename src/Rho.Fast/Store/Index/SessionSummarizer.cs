using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace Rho.Fast;

/// <summary>
/// Summarizes one session file for the index. The index depends only on <see cref="Summarize"/>
/// and its result, never on how the summary is computed, so the way a file is read can change
/// without touching the index.
/// </summary>
internal static class SessionSummarizer
{
    // The timestamp is near the start of an entry; an entry's first bytes are all that is parsed for it.
    private const int TimestampWindow = 64 * 1024;

    /// <summary>Reads <paramref name="path"/> and summarizes it as rho's index row describes a session.</summary>
    /// <param name="path">The session file.</param>
    /// <exception cref="SessionFormatException">The file is corrupt before its last line.</exception>
    /// <exception cref="UnsupportedSessionFormatException">The file is in a format this version does not read.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static SessionSummary Summarize(string path)
    {
        // rho's rules (docs/FORMAT-V4.md §3.3): what the user saw on the active branch, without
        // compaction notices, after the tool-turn cut; any format from 1 to 4.
        SessionHistories histories = SessionReader.ReadHistories(path);
        SessionReadSummary summary = histories.Summary;
        if (summary.FormatVersion is { } version && version > Session.NewestReadableFormatVersion)
        {
            // A newer header alone on its line reads as an ignored last line: nothing this version can summarize.
            SessionLineIssue? at = summary.UnknownEntries is [var unknown, ..] ? unknown : null;
            throw new UnsupportedSessionFormatException(path, at?.LineNumber ?? 1, at?.ByteOffset ?? 0, version, at?.Reason ?? "format version " + version);
        }
        ulong? created = summary.Header is { } header ? ParseSeconds(header.Timestamp) : null;

        // Entries are appended in time order, so the last complete one carries the largest timestamp.
        long end = summary.TornTail?.ByteOffset ?? summary.BytesRead;
        ulong? last = LastEntryTimestamp(path, end);
        ulong? updated = created is null ? last : last is null ? created : Math.Max(created.Value, last.Value);

        string? first = null;
        string? latest = null;
        foreach (Message message in histories.Shown)
        {
            if (message is Message.User user && UserText(user) is { } text)
            {
                first ??= text;
                latest = text;
            }
        }

        return new SessionSummary(summary.Header?.Cwd, created, updated, histories.Shown.Count, first, latest);
    }

    /// <summary>A user message's text as rho's index keeps it: its text blocks, each trimmed, empty ones dropped, joined by newlines.</summary>
    private static string? UserText(Message.User user)
    {
        StringBuilder? text = null;
        foreach (ContentBlock block in user.Content)
        {
            if (block is ContentBlock.Text { Value: var value } && value.ToString().Trim() is { Length: > 0 } trimmed)
            {
                text = text is null ? new StringBuilder(trimmed) : text.Append('\n').Append(trimmed);
            }
        }

        return text?.ToString();
    }

    /// <summary>The <c>timestamp</c> of the last non-blank line that ends before <paramref name="end"/>, if it has one that parses.</summary>
    private static ulong? LastEntryTimestamp(string path, long end)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        long start = LastLineStart(handle, ref end);
        if (start < 0)
        {
            return null;
        }

        int length = (int)Math.Min(end - start, TimestampWindow);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            int read = RandomAccess.Read(handle, buffer.AsSpan(0, length), start);
            return TopLevelTimestamp(buffer.AsSpan(0, read), isWhole: read == end - start);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Walks back from <paramref name="end"/> over blank bytes and returns where the line before starts (-1 when there is none); <paramref name="end"/> becomes that line's end.</summary>
    private static long LastLineStart(SafeFileHandle handle, ref long end)
    {
        Span<byte> chunk = stackalloc byte[4096];
        bool inLine = false;
        long position = end;
        while (position > 0)
        {
            int size = (int)Math.Min(chunk.Length, position);
            Span<byte> bytes = chunk[..RandomAccess.Read(handle, chunk[..size], position - size)];
            if (bytes.Length < size)
            {
                // The file shrank under us: nothing reliable to say.
                return -1;
            }

            for (int i = bytes.Length - 1; i >= 0; i--)
            {
                byte b = bytes[i];
                if (!inLine)
                {
                    if (b is not ((byte)'\n' or (byte)'\r' or (byte)' ' or (byte)'\t'))
                    {
                        inLine = true;
                        end = position - size + i + 1;
                    }
                }
                else if (b == (byte)'\n')
                {
                    return position - size + i + 1;
                }
            }

            position -= size;
        }

        return inLine ? 0 : -1;
    }

    /// <summary>The value of the object's top-level <c>"timestamp"</c> string, read from the line's first bytes.</summary>
    private static ulong? TopLevelTimestamp(ReadOnlySpan<byte> line, bool isWhole)
    {
        var reader = new Utf8JsonReader(line, isWhole, default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool wanted = reader.ValueTextEquals("timestamp"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (wanted)
                {
                    return reader.TokenType == JsonTokenType.String ? ParseSeconds(reader.GetString()!) : null;
                }

                if (!reader.TrySkip())
                {
                    // The value runs past the bytes read.
                    return null;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON where an entry should be: no timestamp from it.
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape in the string: serde refuses it, so it is no timestamp either.
        }

        return null;
    }

    private static ulong? ParseSeconds(string text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seconds) ? seconds : null;
}
