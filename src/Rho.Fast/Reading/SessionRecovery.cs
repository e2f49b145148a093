namespace Rho.Fast;

/// <summary>How a read treats lines it cannot read, from strictest to most forgiving.</summary>
public enum SessionRecovery
{
    /// <summary>The reference's rule and the default: only the last non-empty line may be unreadable (a torn write); it is ignored.</summary>
    TolerateTail = 0,

    /// <summary>Any unreadable line is a <see cref="SessionFormatException"/>, the last one included.</summary>
    Strict = 1,

    /// <summary>
    /// Skip every line that cannot be read and keep going, reporting each in
    /// <see cref="SessionReadSummary.SkippedLines"/>. Recovers what the field damage leaves readable:
    /// an entry behind a run of NUL bytes (an interrupted append on ext4), a complete entry glued
    /// onto a torn one on the same line.
    /// </summary>
    Salvage = 2,
}
