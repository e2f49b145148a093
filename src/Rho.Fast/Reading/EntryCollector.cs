using System;
using System.Collections.Generic;

namespace Rho.Fast;

/// <summary>
/// Collects every entry, headers included, with no repair: a torn line is a
/// <see cref="SessionFormatException"/>, an entry or header this version does not read an
/// <see cref="UnsupportedSessionFormatException"/>.
/// </summary>
internal sealed class EntryCollector : ILineSink
{
    private readonly string? _source;
    private readonly List<SessionEntry> _output;
    private ulong? _formatVersion;

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
        LineKind kind = SessionLine.Decode(content, offset + skipped, out SessionEntry? entry, out LineError? error);
        switch (SessionLine.InContext(kind, entry, _formatVersion is not null))
        {
            case LineKind.Entry:
                if (entry is SessionEntry.Header header)
                {
                    _formatVersion ??= header.Version;
                }

                _output.Add(entry!);
                break;
            case LineKind.Unknown when error!.Unrecognized:
                // A newer writer's entry of a type this version does not know: kept as its raw JSON.
                _output.Add(entry!);
                break;
            case LineKind.Torn:
                throw new SessionFormatException(_source, LineCount, offset, error!.ByteOffset, error.Reason, error.Inner);
            case LineKind.Unknown:
            case LineKind.UnsupportedVersion:
                _formatVersion ??= error!.FormatVersion;
                throw new UnsupportedSessionFormatException(_source, LineCount, offset, _formatVersion, SessionLine.NewerFormatReason(error!), error!.Inner);
        }
    }
}
