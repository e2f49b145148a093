using Xunit;

namespace Rho.Fast.PackageTests;

/// <summary>
/// The tests that pack the repository's projects run one at a time: two packs at once would build
/// the same projects into the same bin and obj folders.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackingCollection
{
    /// <summary>The collection's name, for <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "packs the repository";
}
