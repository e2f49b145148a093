using Xunit;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>serde's rename_all rules for case and field names, and per-case and per-field overrides.</summary>
public sealed class RenameTests
{
    public static TheoryData<string> Samples => SampleCatalog.Keys(SampleCatalog.Renames);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Writes_serde_json(string name) => RoundTrip.AssertWritesSerdeJson(SampleCatalog.Renames[name]);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Reads_back_the_same_value(string name) => RoundTrip.AssertReadsBack(SampleCatalog.Renames[name]);
}
