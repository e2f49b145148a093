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

    /// <summary>
    /// The most threads a read of a file by its path (kept or streamed) decodes the file's lines
    /// on: the calling thread, which also reads the file, and thread-pool threads, which decode
    /// while it reads and are given back once the file is read. Decoding a line needs nothing
    /// from the lines before it, so only the repair rules then run line by line, in order; the
    /// result is the same for any value. Reads of pipes and <see cref="System.IO.Stream"/>s decode
    /// on the calling thread. Default: 2, or 1 on a single processor. Set 1 to keep a read on the
    /// calling thread.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxDecodeThreads
    {
        get => _maxDecodeThreads;
        init => _maxDecodeThreads = value >= 1 ? value : throw new System.ArgumentOutOfRangeException(nameof(value), value, "At least one thread decodes.");
    }

    private readonly int _maxDecodeThreads = System.Environment.ProcessorCount > 1 ? 2 : 1;

    internal SessionReadOptions Named(string name) =>
        SourceName is not null ? this : new SessionReadOptions { MaxLineLength = MaxLineLength, SourceName = name, Recovery = Recovery, MaxDecodeThreads = MaxDecodeThreads };
}
