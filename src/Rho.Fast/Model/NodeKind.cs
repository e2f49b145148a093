using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>What a tree node records.</summary>
[WireEnum(RenameAll = RenameRule.SnakeCase)]
public enum NodeKind
{
    /// <summary>An ordinary step of the conversation.</summary>
    Commit,

    /// <summary>A compaction: the history was replaced by a shorter one.</summary>
    Compaction,
}
