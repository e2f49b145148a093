using System;
using System.Collections.Generic;

namespace Rho.Fast;

/// <summary>
/// Sorts the complete lines of a followed file as <see cref="EntryCollector"/> does, except that a
/// complete entry this version cannot read is skipped and reported instead of ending the read: a
/// live file may gain a newer writer's entries at any time. A torn complete line is a
/// <see cref="SessionFormatException"/>, a first header of another format version an
/// <see cref="UnsupportedSessionFormatException"/>.
/// </summary>
internal sealed class FollowSink : ILineSink
{
    private readonly string? _source;
    private readonly Action<SessionLineIssue>? _onUnknown;
    private readonly List<SessionEntry> _output;
    private ulong? _formatVersion;

    public FollowSink(string? source, Action<SessionLineIssue>? onUnknown, List<SessionEntry> output)
    {
        _source = source;
        _onUnknown = onUnknown;
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
            case LineKind.Torn:
                throw new SessionFormatException(_source, LineCount, offset, error!.ByteOffset, error.Reason, error.Inner);
            case LineKind.UnsupportedVersion:
                _formatVersion ??= error!.FormatVersion;
                throw new UnsupportedSessionFormatException(_source, LineCount, offset, _formatVersion, SessionLine.NewerFormatReason(error!), error!.Inner);
            case LineKind.Unknown:
                _onUnknown?.Invoke(new SessionLineIssue(LineCount, offset, SessionLine.NewerFormatReason(error!), SessionLine.Preview(content)));
                break;
        }
    }
}
