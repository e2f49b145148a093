namespace Rho.Fast;

/// <summary>Options for reading a session file.</summary>
public sealed class SessionReadOptions
{
    /// <summary>The default <see cref="MaxLineLength"/>: 64 MiB.</summary>
    public const int DefaultMaxLineLength = 64 << 20;

    /// <summary>Shared defaults.</summary>
    public static SessionReadOptions Default { get; } = new();

    /// <summary>
    /// The longest line accepted, in bytes. A longer line is a <see cref="SessionFormatException"/>
    /// rather than unbounded memory growth. Default 64 MiB.
    /// </summary>
    public int MaxLineLength { get; init; } = DefaultMaxLineLength;

    /// <summary>A name for the input (usually its path), used in error messages.</summary>
    public string? SourceName { get; init; }

    /// <summary>How unreadable lines are treated. Default: <see cref="SessionRecovery.TolerateTail"/>, the reference's rule.</summary>
    public SessionRecovery Recovery { get; init; }

    internal SessionReadOptions Named(string name) =>
        SourceName is not null ? this : new SessionReadOptions { MaxLineLength = MaxLineLength, SourceName = name, Recovery = Recovery };
}
