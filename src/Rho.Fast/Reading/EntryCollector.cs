using System;
using System.Collections.Generic;

namespace Rho.Fast;

/// <summary>Collects every entry, headers included, with no repair: any unreadable line is an error.</summary>
internal sealed class EntryCollector : ILineSink
{
    private readonly string? _source;
    private readonly List<SessionEntry> _output;

    public EntryCollector(string? source, List<SessionEntry> output)
    {
        _source = source;
        _output = output;
    }

    public long LineCount { get; private set; }

    public void Line(ReadOnlySpan<byte> line, long offset, long end)
    {
        LineCount++;
        ReadOnlySpan<byte> content = SessionLine.Content(line, offset, out int skipped);
        switch (SessionLine.Decode(content, offset + skipped, out SessionEntry? entry, out LineError? error))
        {
            case LineKind.Entry:
                _output.Add(entry!);
                break;
            case LineKind.Unreadable:
                throw new SessionFormatException(_source, LineCount, offset, error!.ByteOffset, error.Reason, error.Inner);
        }
    }
}
