using System;
using System.IO;
using Xunit;

namespace Rho.Fast.Generators.Tests.Driver;

/// <summary>
/// The whole generated text per representation, compared exactly with the checked-in files in
/// <c>Snapshots/</c>, so any change to the emitted code shows up in review.
/// </summary>
/// <remarks>
/// To accept a deliberate change, run the tests with <c>RHO_FAST_UPDATE_SNAPSHOTS=1</c>: each
/// differing snapshot is rewritten (and the test still fails once, naming it); then review the diff.
/// </remarks>
public sealed class SnapshotTests
{
    [Theory]
    [MemberData(nameof(SnapshotInputs.Names), MemberType = typeof(SnapshotInputs))]
    public void Generated_text_matches_the_snapshot(string name)
    {
        GenerationResult result = Generation.Run(Generation.Compile(Generation.Prelude + SnapshotInputs.Source(name)));
        Assert.Empty(result.GeneratorProblems);
        Assert.Empty(result.OutputErrors);

        string hint = "Demo." + name + ".g.cs";
        string actual = result.SourceOf(hint);
        string path = Path.Combine(SnapshotDirectory(), name + ".g.cs");
        string? expected = File.Exists(path) ? File.ReadAllText(path) : null;
        if (expected != actual && Environment.GetEnvironmentVariable("RHO_FAST_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            Assert.Fail("Snapshot " + name + " was rewritten; review the diff and run again.");
        }

        Assert.True(expected is not null, "No snapshot " + path + "; run with RHO_FAST_UPDATE_SNAPSHOTS=1 to create it.");
        Assert.Equal(expected, actual);
    }

    private static string SnapshotDirectory()
    {
        // From the test binaries up to the repository: source paths are mapped away in CI builds.
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Rho.Fast.sln")))
            {
                return Path.Combine(dir, "tests", "Rho.Fast.Generators.Tests", "Snapshots");
            }
        }

        throw new InvalidOperationException("Rho.Fast.sln was not found above " + AppContext.BaseDirectory);
    }
}
