using System.Collections.Generic;
using System.Threading.Tasks;
using Rho.Fast.Benchmarks.Peers;
using Rho.Fast.Synthetic;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// Where the time of reading rho 1.47's format 4 goes, beside format 1 of the same size: the token
/// pass, parsing every entry (dropped, then kept), and the whole read into histories, for each
/// corpus, round-robin in one process so both see the same machine.
/// </summary>
public static class Format4Breakdown
{
    /// <summary>Runs the stages on the corpora of <paramref name="megabytes"/> MB and prints a table.</summary>
    public static Task RunAsync(int megabytes)
    {
        string v1 = Corpus.File(megabytes);
        string v4 = Corpus.TreeFile(megabytes);
        string growing = Corpus.TreeFile(megabytes, SyntheticTreeShape.Growing);
        var stages = new List<ReadBreakdown.Stage>
        {
            new("v1 ReadMessages", v1, path => Task.FromResult<long>(SessionReader.ReadMessages(path).Messages.Count)),
            new("v1 ReadHistories", v1, path => Task.FromResult<long>(SessionReader.ReadHistories(path).Model.Count)),
            new("v4 ReadHistories", v4, path => Task.FromResult<long>(SessionReader.ReadHistories(path).Model.Count)),
            new("v4 growing history, ReadHistories", growing, path => Task.FromResult<long>(SessionReader.ReadHistories(path).Model.Count)),
            new("v1 token pass", v1, path => Task.FromResult(TokenPass.Tokens(path))),
            new("v4 token pass", v4, path => Task.FromResult(TokenPass.Tokens(path))),
            new("v1 split + Wire.Deserialize, discarded", v1, path => Task.FromResult(ReadBreakdown.Visit(path, new ReadBreakdown.Parse(null)))),
            new("v4 split + Wire.Deserialize, discarded", v4, path => Task.FromResult(ReadBreakdown.Visit(path, new ReadBreakdown.Parse(null)))),
            new("v1 split + Wire.Deserialize, kept", v1, path => Task.FromResult(ReadBreakdown.Visit(path, new ReadBreakdown.Parse([])))),
            new("v4 split + Wire.Deserialize, kept", v4, path => Task.FromResult(ReadBreakdown.Visit(path, new ReadBreakdown.Parse([])))),
            new("v4 growing, split + Wire.Deserialize, kept", growing, path => Task.FromResult(ReadBreakdown.Visit(path, new ReadBreakdown.Parse([])))),
        };
        return ReadBreakdown.RunStagesAsync(stages, megabytes, limitStage: 0);
    }
}
