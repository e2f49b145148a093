using System.Collections.Generic;
using System.Linq;
using Rho.Fast.Synthetic;
using Xunit;

namespace Rho.Fast.Tests.Rho147;

/// <summary>
/// A format-4 file cut at any byte of its last entries reads as the entries wholly before the cut:
/// a line cut short is a torn write and ignored, and a last line that is whole but for its
/// <c>\n</c> is applied (docs/FORMAT-V4.md §1.1).
/// </summary>
public sealed class TreeSessionCutTests
{
    private static readonly SyntheticTreeOptions Short = SyntheticTreeSessionTests.Short;

    private const int LastEntries = 3;

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 8).Select(seed => new object[] { (ulong)(500 + seed), (uint)(seed % 4) + 1 });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_cut_in_the_last_entries_reads_as_the_complete_entries_before_it(ulong seed, uint version)
    {
        SyntheticTreeSession session = SyntheticTreeSession.Generate(seed, 16 + (int)(seed % 7), Short with { FormatVersion = version });
        byte[] file = session.ToBytes();
        List<int> ends = SyntheticTreeSessionTests.LineEnds(file);
        int from = ends[^(LastEntries + 1)] + 1;
        var expected = new Dictionary<int, SyntheticHistories>();

        for (int cut = from; cut <= file.Length; cut++)
        {
            int whole = ends.Count(end => end <= cut);
            if (!expected.TryGetValue(whole, out SyntheticHistories? histories))
            {
                histories = session.ExpectedAfter(whole);
                expected.Add(whole, histories);
            }

            SessionHistories read = SyntheticTreeSessionTests.Read(file[..cut]);

            SyntheticTreeSessionTests.AssertSame(histories, read);
            Assert.Equal(cut > ends[whole - 1] + 1, read.Summary.TornTail is not null);
        }

        // The cuts saw each of the last entries both torn and whole.
        Assert.Equal(LastEntries + 1, expected.Count);
    }
}
