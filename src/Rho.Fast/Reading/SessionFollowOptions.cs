using System;

namespace Rho.Fast;

/// <summary>Options for following a session file as it is written (<see cref="SessionReader.FollowAsync"/>).</summary>
public sealed class SessionFollowOptions
{
    private readonly TimeSpan _pollInterval = DefaultPollInterval;
    private readonly int _maxLineLength = SessionReadOptions.DefaultMaxLineLength;

    /// <summary>The default <see cref="PollInterval"/>: 100 ms.</summary>
    public static TimeSpan DefaultPollInterval { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Shared defaults.</summary>
    public static SessionFollowOptions Default { get; } = new();

    /// <summary>
    /// How long to wait before looking at the file again when it had nothing new: the most an
    /// appended entry waits to be yielded. Default 100 ms. Between looks nothing runs.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive, or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    public TimeSpan PollInterval
    {
        get => _pollInterval;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromMilliseconds(int.MaxValue));
            _pollInterval = value;
        }
    }

    /// <summary>
    /// The longest line accepted, in bytes, complete or still being written: a longer one is a
    /// <see cref="SessionFormatException"/> rather than unbounded memory growth. Default 64 MiB, as
    /// <see cref="SessionReadOptions.MaxLineLength"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public int MaxLineLength
    {
        get => _maxLineLength;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, 0);
            _maxLineLength = value;
        }
    }

    /// <summary>A name for the input used in error messages; the path when <see langword="null"/>.</summary>
    public string? SourceName { get; init; }

    /// <summary>
    /// Called for each complete entry this version of Rho.Fast cannot read (an entry type, message
    /// kind or field shape of a newer writer), which following skips: its line, byte offset, the
    /// reason and its first bytes. Called on the thread that drives the enumeration, before the
    /// entries after it are yielded.
    /// </summary>
    public Action<SessionLineIssue>? OnUnknownEntry { get; init; }

    /// <summary>The line limit and name, as the line splitter takes them.</summary>
    internal SessionReadOptions Lines(string path) => new() { MaxLineLength = MaxLineLength, SourceName = SourceName ?? path };
}
