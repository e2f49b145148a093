using System.Collections.Generic;

namespace Rho.Fast.Synthetic;

/// <summary>The histories a synthetic session is meant to resume with, as its generator computed them.</summary>
/// <param name="Model">The model history of the active leaf, ending before the first unanswered tool turn.</param>
/// <param name="Display">What the user saw along the active branch, with rho's compaction notices, cut by the same rule.</param>
/// <param name="ActiveLeafId">The active leaf; none before the first node.</param>
public sealed record SyntheticHistories(IReadOnlyList<Message> Model, IReadOnlyList<Message> Display, string? ActiveLeafId);
