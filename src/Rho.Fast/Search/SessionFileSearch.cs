using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using Microsoft.Win32.SafeHandles;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// One session file searched in large chunks of raw bytes: the pattern's SIMD filter and the scan
/// for foreign escapes run over whole chunks, so a line that cannot match is never split out,
/// parsed or decoded. A line the filter finds is checked without parsing (the match must be in a
/// string value, not a key); only then is it parsed and its decoded text searched.
/// </summary>
internal sealed class SessionFileSearch
{
    private const int ChunkSize = 1 << 20;

    private readonly string _path;
    private readonly NeedlePattern _escaped;
    private readonly MessageText _text;
    private string? _sessionId;
    private int _messageIndex;

    // A file of format 2 to 4 keeps its history in snapshots and tree nodes, not one line per
    // message: the filter only says whether the text can be in it at all, and the history is read then.
    private bool _tree;
    private bool _candidate;

    private SessionFileSearch(string path, NeedlePattern escaped, NeedlePattern decoded)
    {
        _path = path;
        _escaped = escaped;
        _text = new MessageText(decoded);
    }

    private static ReadOnlySpan<byte> MessagePrefix => "{\"type\":\"message\""u8;

    private static ReadOnlySpan<byte> HeaderPrefix => "{\"type\":\"session\""u8;

    /// <summary>The hits in <paramref name="path"/>, read as it is read; nothing when the file has gone.</summary>
    /// <param name="path">The file.</param>
    /// <param name="escaped">The text as a JSON string body holds it, to filter lines.</param>
    /// <param name="decoded">The text in decoded UTF-8, to find it in a candidate's texts.</param>
    /// <param name="missingIsEmpty">Whether a file that is not there has no hits rather than being an error.</param>
    /// <param name="cancellationToken">Checked between chunks.</param>
    public static IEnumerable<SessionSearchHit> Search(string path, NeedlePattern escaped, NeedlePattern decoded, bool missingIsEmpty, CancellationToken cancellationToken)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
        }
        catch (Exception e) when (missingIsEmpty && e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Removed since the store was listed: it holds nothing now.
            return [];
        }

        return new SessionFileSearch(path, escaped, decoded).Read(handle, cancellationToken);
    }

    private IEnumerable<SessionSearchHit> Read(SafeFileHandle handle, CancellationToken cancellationToken)
    {
        using (handle)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
            var hits = new List<SessionSearchHit>();
            try
            {
                long offset = 0;
                int carry = 0;
                bool first = true;
                bool skipping = false;
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (carry == buffer.Length)
                    {
                        if (buffer.Length >= SessionReadOptions.DefaultMaxLineLength)
                        {
                            // Longer than any reader accepts: count it, and skip it rather than hold it.
                            _messageIndex += buffer.AsSpan().StartsWith(MessagePrefix) ? 1 : 0;
                            skipping = true;
                            carry = 0;
                        }
                        else
                        {
                            PooledBytes.Grow(ref buffer, carry, buffer.Length * 2);
                        }
                    }

                    int read = RandomAccess.Read(handle, buffer.AsSpan(carry), offset);
                    offset += read;
                    int length = carry + read;
                    int start = 0;
                    if (first && length > 0)
                    {
                        start = Header(buffer.AsSpan(0, length));
                        first = false;
                    }

                    if (skipping)
                    {
                        int newline = buffer.AsSpan(0, length).IndexOf((byte)'\n');
                        if (newline < 0 && read > 0)
                        {
                            carry = 0;
                            continue;
                        }

                        skipping = false;
                        start = newline < 0 ? length : newline + 1;
                    }

                    // Whole lines only; at the end of the file, the last line without its newline too.
                    int end = read == 0 ? length : buffer.AsSpan(start, length - start).LastIndexOf((byte)'\n') + 1 + start;
                    if (end > start && _tree)
                    {
                        ReadOnlySpan<byte> lines = buffer.AsSpan(start, end - start);
                        _candidate = _candidate || _escaped.Find(lines, 0, out _, out _) >= 0 || EscapeScan.Find(lines) >= 0;
                    }
                    else if (end > start)
                    {
                        Scan(buffer.AsSpan(start, end - start), hits);
                    }

                    if (read == 0 && _candidate)
                    {
                        HistoryHits(hits, cancellationToken);
                    }

                    foreach (SessionSearchHit hit in hits)
                    {
                        yield return hit;
                    }

                    hits.Clear();
                    if (read == 0)
                    {
                        break;
                    }

                    carry = length - end;
                    buffer.AsSpan(end, carry).CopyTo(buffer);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Takes the session id from the header line, if the file starts with one; returns where the lines start (after a BOM).</summary>
    private int Header(ReadOnlySpan<byte> data)
    {
        int start = data.StartsWith("\xEF\xBB\xBF"u8) ? 3 : 0;
        ReadOnlySpan<byte> rest = data[start..];
        int newline = rest.IndexOf((byte)'\n');
        ReadOnlySpan<byte> line = newline < 0 ? rest : rest[..newline];
        if (line.StartsWith(HeaderPrefix) && TryParse(line) is SessionEntry.Header header)
        {
            _sessionId = header.Id;
            _tree = header.Version > Session.FormatVersion;
        }

        return start;
    }

    /// <summary>Searches whole lines, adding a hit for each message whose decoded text contains the needle.</summary>
    private void Scan(ReadOnlySpan<byte> data, List<SessionSearchHit> hits)
    {
        int position = 0;

        // The next filter hit and the next foreign escape at or after position: -2 not looked for yet, -1 none.
        int raw = -2;
        int escape = -2;
        while (position < data.Length)
        {
            if (raw != -1 && raw < position)
            {
                raw = _escaped.Find(data, position, out _, out _);
            }

            if (escape != -1 && escape < position)
            {
                int found = EscapeScan.Find(data[position..]);
                escape = found < 0 ? -1 : position + found;
            }

            int next = raw < 0 ? escape : escape < 0 ? raw : int.Min(raw, escape);
            if (next < 0)
            {
                _messageIndex += CountMessages(data[position..]);
                return;
            }

            int lineStart = data[position..next].LastIndexOf((byte)'\n') + 1 + position;
            int lineLength = data[next..].IndexOf((byte)'\n');
            int lineEnd = lineLength < 0 ? data.Length : next + lineLength;
            _messageIndex += CountMessages(data[position..lineStart]);
            ReadOnlySpan<byte> line = data[lineStart..lineEnd];
            if (line.StartsWith(MessagePrefix))
            {
                bool foreignEscape = escape >= lineStart && escape < lineEnd;
                if (foreignEscape || JsonStringValues.AnyMatches(line, _escaped))
                {
                    Check(line, hits);
                }

                _messageIndex++;
            }

            position = lineEnd + 1;
        }
    }

    /// <summary>Searches the display history of a file of format 2 to 4 that may hold the text, message by message.</summary>
    private void HistoryHits(List<SessionSearchHit> hits, CancellationToken cancellationToken)
    {
        SessionHistories histories;
        try
        {
            histories = SessionReader.ReadHistories(_path, null, cancellationToken);
        }
        catch (Exception e) when (e is SessionFormatException or UnsupportedSessionFormatException or IOException)
        {
            // What cannot be read has nothing to show; 'rho-fast check' says why.
            return;
        }

        string id = _sessionId ?? SessionStore.IdOf(_path) ?? Path.GetFileNameWithoutExtension(_path);
        for (int i = 0; i < histories.Display.Count; i++)
        {
            Message message = histories.Display[i];
            if (_text.TryFind(message, out string text, out int at, out int length))
            {
                (string snippet, int matchStart) = Snippet.Around(text, at, length);
                hits.Add(new SessionSearchHit(id, _path, i, message, snippet, matchStart, length));
            }
        }
    }

    /// <summary>Parses a candidate line and searches its decoded text.</summary>
    private void Check(ReadOnlySpan<byte> line, List<SessionSearchHit> hits)
    {
        if (TryParse(line) is SessionEntry.MessageEntry { Body: var message } && _text.TryFind(message, out string text, out int at, out int length))
        {
            (string snippet, int matchStart) = Snippet.Around(text, at, length);
            string id = _sessionId ?? SessionStore.IdOf(_path) ?? Path.GetFileNameWithoutExtension(_path);
            hits.Add(new SessionSearchHit(id, _path, _messageIndex, message, snippet, matchStart, length));
        }
    }

    private static int CountMessages(ReadOnlySpan<byte> lines)
    {
        int count = 0;
        while (!lines.IsEmpty)
        {
            if (lines.StartsWith(MessagePrefix))
            {
                count++;
            }

            int newline = lines.IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            lines = lines[(newline + 1)..];
        }

        return count;
    }

    private static SessionEntry? TryParse(ReadOnlySpan<byte> line)
    {
        try
        {
            return Wire.Deserialize<SessionEntry>(line);
        }
        catch (JsonException)
        {
            // A torn or damaged line holds no message to find.
            return null;
        }
    }
}
