namespace Rho.Fast.Synthetic;

/// <summary>How long the texts of a synthetic tree session are.</summary>
public enum SyntheticTextSize
{
    /// <summary>As in a real coding session: prompts of a few hundred bytes, tool outputs up to about 20 KB.</summary>
    Realistic,

    /// <summary>A few words each (still with every nasty character): small files, for tests that read a file once per byte offset.</summary>
    Short,
}
