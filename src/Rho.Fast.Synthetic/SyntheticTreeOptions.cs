using System;

namespace Rho.Fast.Synthetic;

/// <summary>What kind of tree session <see cref="SyntheticTreeSession.Generate"/> writes.</summary>
public sealed record SyntheticTreeOptions
{
    private readonly uint _formatVersion = 4;

    /// <summary>The defaults: realistic texts and history, format 4.</summary>
    public static SyntheticTreeOptions Default { get; } = new();

    /// <summary>How long the texts are.</summary>
    public SyntheticTextSize TextSize { get; init; } = SyntheticTextSize.Realistic;

    /// <summary>How the history develops.</summary>
    public SyntheticTreeShape Shape { get; init; } = SyntheticTreeShape.Realistic;

    /// <summary>
    /// The header's format version. 4: a tree from the first node. 1 to 3: a session an older rho
    /// began, in records of that version (messages; snapshots from 2; deltas from 3), which most
    /// seeds then continue as rho 1.47 does, after an <c>upgrade</c> marker, as a tree.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not 1 to 4.</exception>
    public uint FormatVersion
    {
        get => _formatVersion;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1u);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 4u);
            _formatVersion = value;
        }
    }
}
