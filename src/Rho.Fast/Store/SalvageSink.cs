using System;
using System.IO;

namespace Rho.Fast;

/// <summary>
/// Sorts each line of a damaged file into the rewritten file or the sidecar of dropped bytes,
/// byte for byte: readable lines are kept as they are, an entry recovered from a damaged line is
/// kept without the damage, and every other byte goes to the sidecar.
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

    public long KeptEntries { get; private set; }

    public long DroppedBytes { get; private set; }

    public void Line(ReadOnlySpan<byte> line, long offset, long end)
    {
        long number = ++_summary.LineCount;
        _summary.BytesRead = end;
        ReadOnlySpan<byte> content = SessionLine.Content(line, offset, out int skipped);
        switch (SessionLine.Decode(content, offset + skipped, out _, out LineError? error))
        {
            case LineKind.Blank:
                Keep(line);
                return;
            case LineKind.Entry:
                KeptEntries++;
                Keep(line);
                return;
        }

        int recoveredAt = SessionLine.Salvage(content, number, offset, error!, _summary, out _);
        if (recoveredAt < 0)
        {
            Drop(line);
            return;
        }

        KeptEntries++;
        Drop(line[..(skipped + recoveredAt)]);
        Keep(content[recoveredAt..]);
    }

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        _kept.Write(bytes);
        _kept.WriteByte((byte)'\n');
    }

    private void Drop(ReadOnlySpan<byte> bytes)
    {
        _dropped.Write(bytes);
        _dropped.WriteByte((byte)'\n');
        DroppedBytes += bytes.Length + 1;
    }
}
