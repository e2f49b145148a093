using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// Every input under <c>Regressions/</c> (each fuzz failure ever found is saved there, and a few
/// hand-made damaged files) keeps every promise of <see cref="ReadOracle"/>, file repairs included.
/// </summary>
public sealed class RegressionReplayTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.EnumerateFiles(RepoPaths.Regressions, "*.jsonl").Order())
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_saved_input_reads_to_a_result_or_a_located_format_error_and_keeps_every_reader_promise(string name)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(RepoPaths.Regressions, name));
        using var scratch = new ScratchDirectory();
        ReadOracle.Check(input, scratch.Path);
    }

    [Fact]
    public void The_regression_folder_holds_inputs()
    {
        // An empty folder would make the replay above prove nothing.
        Assert.True(Directory.EnumerateFiles(RepoPaths.Regressions, "*.jsonl").Count() >= 5);
    }
}
