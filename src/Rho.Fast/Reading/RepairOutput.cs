namespace Rho.Fast;

/// <summary>What a <see cref="TailRepairer"/> makes of the lines it is given.</summary>
internal enum RepairOutput
{
    /// <summary>The repaired message list, kept whole until the end of the input.</summary>
    Messages,

    /// <summary>The message list and rho 1.47's histories with their complete tree.</summary>
    Histories,

    /// <summary>Messages handed out as they are known to survive; nothing is kept for the end.</summary>
    Stream,
}
