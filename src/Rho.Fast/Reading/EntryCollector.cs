using System;
using System.Collections.Generic;

namespace Rho.Fast;

/// <summary>
/// Collects every entry, headers included, with no repair: a torn line is a
/// <see cref="SessionFormatException"/>, a first header of a format version this version does not
/// read an <see cref="UnsupportedSessionFormatException"/>. An entry of a type this version does
/// not know is kept as its raw JSON. A complete entry of a known type that does not map ends the
/// read, unless the caller takes such lines as reports instead (following a live file, which may
/// gain a newer writer's entries at any time): then it is skipped and reported.
/// </summary>
internal sealed class EntryCollector : IReadySink<SessionEntry>
{
    private readonly string? _source;
    private readonly List<SessionEntry> _output = new();
    private readonly Action<SessionLineIssue>? _onUnknown;
    private ulong? _formatVersion;

    /// <param name="source">The input's name, for errors.</param>
    /// <param name="onUnknown">Where complete lines this version cannot read are reported and skipped; without it they end the read.</param>
    public EntryCollector(string? source, Action<SessionLineIssue>? onUnknown = null)
    {
        _source = source;
        _onUnknown = onUnknown;
    }

    public long LineCount { get; private set; }

    /// <summary>The entries read since the driver last took them.</summary>
    public List<SessionEntry> Ready => _output;

    /// <summary>Nothing to settle: every line was decided as it came, a torn last line included.</summary>
    public void Complete()
    {
    }

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
            case LineKind.Unknown when _onUnknown is not null:
                _onUnknown(new SessionLineIssue(LineCount, offset, SessionLine.NewerFormatReason(error!), SessionLine.Preview(content)));
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
