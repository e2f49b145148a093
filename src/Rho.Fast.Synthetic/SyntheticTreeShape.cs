namespace Rho.Fast.Synthetic;

/// <summary>How a synthetic tree session's history develops.</summary>
public enum SyntheticTreeShape
{
    /// <summary>As rho's sessions go: compactions when the context fills up, aborted responses retried and saved whole.</summary>
    Realistic,

    /// <summary>
    /// A history that only grows, as with a model of a very long context: no compactions and no
    /// retries, so every node after the root is a delta on an ever longer history. The worst case
    /// for a reader's work per node.
    /// </summary>
    Growing,
}
