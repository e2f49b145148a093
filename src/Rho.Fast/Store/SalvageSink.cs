using System;
using System.IO;

namespace Rho.Fast;

/// <summary>
/// Sorts each line of a damaged file into the rewritten file or the sidecar of dropped bytes,
/// byte for byte: readable lines and complete entries this version cannot read are kept as they
/// are, an entry recovered from a torn line is kept without the torn bytes, and only torn bytes go
/// to the sidecar.
/// </summary>
internal sealed class SalvageSink : ILineSink
{
    private readonly Stream _kept;
    private readonly Stream _dropped;
    private readonly SessionReadSummary _summary = new();

    public SalvageSink(Stream kept, Stream dropped)
    {
        _kept = kept;
        _dropped = dropped;
    }

    public SessionReadSummary Summary => _summary;

    public long LineCount => _summary.LineCount;

    public long KeptEntries => _summary.EntryCount;

    public long DroppedBytes { get; private set; }

    /// <summary>Whether the first non-blank line is a session header, of any format version.</summary>
    public bool StartsWithHeader { get; private set; }

    private bool _sawEntry;

    public void Line(ReadOnlySpan<byte> line, long offset, long end)
    {
        long number = ++_summary.LineCount;
        _summary.BytesRead = end;
        ReadOnlySpan<byte> content = SessionLine.Content(line, offset, out int skipped);
        LineKind kind = SessionLine.Decode(content, offset + skipped, out SessionEntry? entry, out LineError? error);
        kind = SessionLine.InContext(kind, entry, _summary.FormatVersion is not null);
        if (kind != LineKind.Blank && !_sawEntry)
        {
            _sawEntry = true;
            StartsWithHeader = entry is SessionEntry.Header || error is { IsHeader: true };
        }

        switch (kind)
        {
            case LineKind.Blank:
                Keep(line);
                return;
            case LineKind.Entry:
                if (entry is SessionEntry.Header header)
                {
                    _summary.FormatVersion ??= header.Version;
                }

                // rho 1.47's records: read by this version, never rewritten by it.
                _summary.IsReadOnlyFormat |= entry is not (SessionEntry.Header or SessionEntry.MessageEntry { Display: null })
                    || _summary.FormatVersion is not (null or Session.FormatVersion);

                _summary.EntryCount++;
                Keep(line);
                return;
            case LineKind.Unknown:
            case LineKind.UnsupportedVersion:
                // Complete: a newer writer's, kept byte for byte and reported.
                _summary.FormatVersion ??= error!.FormatVersion;
                _summary.AddUnknown(new SessionLineIssue(number, offset, SessionLine.NewerFormatReason(error!), SessionLine.Preview(content)));
                Keep(line);
                return;
        }

        // Keep every complete entry in the torn line as a line of its own; drop only the bytes between.
        int dropFrom = 0;
        bool recovered = false;
        for (int from = 0; SessionLine.NextEntry(content, from, out int start, out int length, out _); from = dropFrom)
        {
            if (!recovered)
            {
                recovered = true;
                SessionLine.Record(content, number, offset, error!, recovered: true, _summary);
                Drop(line[..(skipped + start)], skipEmpty: true);
            }
            else
            {
                Drop(content[dropFrom..start], skipEmpty: true);
            }

            _summary.EntryCount++;
            Keep(content.Slice(start, length));
            dropFrom = start + length;
        }

        if (!recovered)
        {
            SessionLine.Record(content, number, offset, error!, recovered: false, _summary);
            Drop(line);
            return;
        }

        Drop(content[dropFrom..], skipEmpty: true);
    }

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        _kept.Write(bytes);
        _kept.WriteByte((byte)'\n');
    }

    private void Drop(ReadOnlySpan<byte> bytes, bool skipEmpty = false)
    {
        if (skipEmpty && bytes.IsEmpty)
        {
            return;
        }

        _dropped.Write(bytes);
        _dropped.WriteByte((byte)'\n');
        DroppedBytes += bytes.Length + 1;
    }
}
