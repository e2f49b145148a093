using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Rho.Fast.Serialization;
using Rho.Fast.Synthetic;
using Xunit;

namespace Rho.Fast.Tests.Rho147;

/// <summary>
/// Format-4 sessions written the way rho 1.47 writes them, by a generator that knows the histories
/// it meant: the reader rebuilds exactly those, for every seed.
/// </summary>
public sealed class SyntheticTreeSessionTests
{
    internal static readonly SyntheticTreeOptions Short = new() { TextSize = SyntheticTextSize.Short };

    private static readonly SyntheticTreeOptions Growing = Short with { Shape = SyntheticTreeShape.Growing };

    /// <summary>Seeds with a session length and a format version, each version a quarter of them.</summary>
    public static IEnumerable<object[]> ShortSeeds() => Enumerable.Range(1, 80).Select(seed => new object[] { (ulong)seed, 40 + seed * 2, (uint)(seed % 4) + 1 });

    public static IEnumerable<object[]> RealisticSeeds() => Enumerable.Range(1, 6).Select(seed => new object[] { (ulong)(1000 + seed), 150 });

    [Theory]
    [MemberData(nameof(ShortSeeds))]
    public void The_histories_are_the_generators(ulong seed, int entries, uint version)
    {
        SyntheticTreeSession session = SyntheticTreeSession.Generate(seed, entries, Short with { FormatVersion = version });

        SessionHistories read = Read(session.ToBytes());

        AssertSame(session.Expected, read);
        Assert.Equal(session.Entries[0], read.Summary.Header);
        Assert.Equal(version, read.Summary.FormatVersion);
    }

    [Theory]
    [MemberData(nameof(ShortSeeds))]
    public void The_histories_of_a_growing_history_are_the_generators(ulong seed, int entries, uint version)
    {
        if (version != 4)
        {
            // The other versions are read in the theories above; a growing history matters for the tree.
            seed += 1000 * version;
        }

        SyntheticTreeSession session = SyntheticTreeSession.Generate(seed, entries, Growing);

        SessionHistories read = Read(session.ToBytes());

        AssertSame(session.Expected, read);
        var nodes = session.Entries.OfType<SessionEntry.Node>().ToList();
        Assert.All(nodes.Skip(1), node => Assert.IsType<NodeTransition.SnapshotDelta>(node.Transition));
        Assert.All(nodes, node => Assert.Equal(NodeKind.Commit, node.Kind));
    }

    [Theory]
    [MemberData(nameof(RealisticSeeds))]
    public void The_histories_of_realistic_sessions_are_the_generators(ulong seed, int entries)
    {
        SyntheticTreeSession session = SyntheticTreeSession.Generate(seed, entries);
        using var temp = new TempDirectory();
        string path = temp.Combine("session.jsonl");
        session.WriteFile(path);

        SessionHistories read = SessionReader.ReadHistories(path);

        AssertSame(session.Expected, read);
        Assert.Equal(session.ToBytes(), File.ReadAllBytes(path));
    }

    [Theory]
    [MemberData(nameof(ShortSeeds))]
    public void The_histories_after_every_entry_are_the_generators(ulong seed, int entries, uint version)
    {
        SyntheticTreeSession session = SyntheticTreeSession.Generate(seed, entries, Short with { FormatVersion = version });
        byte[] file = session.ToBytes();
        List<int> ends = LineEnds(file);

        // Every few entries, so the theory stays quick; the cut tests cover every byte of the last ones.
        for (int count = 0; count <= entries; count += 1 + (int)(seed % 5))
        {
            int length = count == 0 ? 0 : ends[count - 1] + 1;
            AssertSame(session.ExpectedAfter(count), Read(file[..length]));
        }
    }

    [Theory]
    [MemberData(nameof(ShortSeeds))]
    public void Every_line_reads_as_the_entry_written_and_writes_back_byte_for_byte(ulong seed, int entries, uint version)
    {
        SyntheticTreeSession session = SyntheticTreeSession.Generate(seed, entries, Short with { FormatVersion = version });
        List<byte[]> lines = Lines.Split(session.ToBytes());

        Assert.Equal(entries, lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            SessionEntry entry = Wire.Deserialize<SessionEntry>(lines[i]);
            Assert.IsNotType<SessionEntry.Unrecognized>(entry);
            Assert.Equal(session.Entries[i], entry);
            Assert.Equal(Encoding.UTF8.GetString(lines[i]), Wire.Serialize(entry));
        }
    }

    [Theory]
    [MemberData(nameof(ShortSeeds))]
    public void A_torn_tail_leaves_the_histories_of_the_complete_entries(ulong seed, int entries, uint version)
    {
        SyntheticTreeSession session = SyntheticTreeSession.Generate(seed, entries, Short with { FormatVersion = version });
        byte[] torn = session.ToBytes(tornTail: true);

        SessionHistories read = Read(torn);

        Assert.NotEqual((byte)'\n', torn[^1]);
        Assert.NotNull(read.Summary.TornTail);
        AssertSame(session.Expected, read);
    }

    [Fact]
    public void A_seed_gives_the_same_bytes_and_fewer_entries_a_prefix()
    {
        byte[] full = SyntheticTreeSession.Generate(7, 120, Short).ToBytes();
        byte[] again = SyntheticTreeSession.Generate(7, 120, Short).ToBytes();
        byte[] fewer = SyntheticTreeSession.Generate(7, 70, Short).ToBytes();
        byte[] other = SyntheticTreeSession.Generate(8, 120, Short).ToBytes();

        Assert.Equal(full, again);
        Assert.Equal(fewer, full[..fewer.Length]);
        Assert.NotEqual(full, other);
    }

    [Fact]
    public void The_writers_of_a_size_or_a_message_count_write_the_same_session()
    {
        using var temp = new TempDirectory();
        string bySize = temp.Combine("size.jsonl");
        string byMessages = temp.Combine("messages.jsonl");

        long length = SyntheticTreeSession.WriteFileOfSize(bySize, 300_000, 11);
        SyntheticTreeFile written = SyntheticTreeSession.WriteFileOfMessages(byMessages, 200, 11);

        Assert.InRange(length, 300_000, 300_000 + 2_000_000);
        Assert.Equal(length, new FileInfo(bySize).Length);
        Assert.True(written.MessageCount >= 200);
        SyntheticTreeSession session = SyntheticTreeSession.Generate(11, written.EntryCount);
        Assert.Equal(session.ToBytes(), File.ReadAllBytes(byMessages));
        byte[] sized = File.ReadAllBytes(bySize);
        byte[] counted = File.ReadAllBytes(byMessages);
        int common = System.Math.Min(sized.Length, counted.Length);
        Assert.Equal(sized[..common], counted[..common]);
        AssertSame(session.Expected, SessionReader.ReadHistories(byMessages));
    }

    [Fact]
    public void The_sessions_hold_everything_rho_writes()
    {
        var seen = new HashSet<string>();
        for (ulong seed = 1; seed <= 20; seed++)
        {
            SyntheticTreeSession session = SyntheticTreeSession.Generate(seed, 150, Short);
            Assert.Equal(4u, Assert.IsType<SessionEntry.Header>(session.Entries[0]).Version);
            foreach (SessionEntry entry in session.Entries)
            {
                Note(seen, entry);
            }
        }

        var legacy = new HashSet<string>();
        for (ulong seed = 1; seed <= 30; seed++)
        {
            uint version = (uint)(seed % 3) + 1;
            SyntheticTreeSession session = SyntheticTreeSession.Generate(seed, 100, Short with { FormatVersion = version });
            Assert.Equal(version, Assert.IsType<SessionEntry.Header>(session.Entries[0]).Version);
            foreach (SessionEntry entry in session.Entries)
            {
                NoteLegacy(legacy, version, entry);
            }
        }

        string[] legacyExpected =
        [
            "v1 message", "v1 display_message", "v1 aborted reasoning kept", "v2 snapshot", "v2 compaction", "v3 snapshot_delta",
            "v1 upgrade", "v2 upgrade", "v3 upgrade", "v1 upgrade then full snapshot", "branch from a legacy node", "v2 file never upgraded",
        ];
        Assert.Equal(legacyExpected.Order(), legacy.Intersect(legacyExpected).Order());

        string[] expected =
        [
            "header with agent", "root snapshot", "delta", "empty delta", "compaction with facts", "compaction cost", "commit snapshot", "set_leaf then branch",
            "System", "User", "Assistant", "EnrichedAssistant", "AbortedAssistant", "ToolResult", "Image", "ToolCall", "partial tool call", "provider context",
            "display differs", "display /goal", "unanswered at node end", "metadata",
        ];
        Assert.Equal(expected.Order(), seen.Intersect(expected).Order());
    }

    private static void NoteLegacy(HashSet<string> seen, uint version, SessionEntry entry)
    {
        string v = "v" + version + " ";
        switch (entry)
        {
            case SessionEntry.Header:
                seen.Add("no upgrade yet");
                break;
            case SessionEntry.MessageEntry message:
                seen.Add(v + "message");
                if (message.Display is not null)
                {
                    seen.Add(v + "display_message");
                }

                if (message.Body is Message.AbortedAssistant { Reasoning.IsEmpty: false })
                {
                    seen.Add(v + "aborted reasoning kept");
                }

                break;
            case SessionEntry.Snapshot snapshot:
                seen.Add(v + ((snapshot.State.Compaction?.CompletedCompactions ?? 0) > 0 && snapshot.State.History.Count <= 2 ? "compaction" : "snapshot"));
                break;
            case SessionEntry.SnapshotDelta:
                seen.Add(v + "snapshot_delta");
                break;
            case SessionEntry.Upgrade:
                seen.Remove("no upgrade yet");
                seen.Add(v + "upgrade");
                seen.Add("just upgraded");
                break;
            case SessionEntry.SetLeaf { TargetId: var target } when target.StartsWith("legacy:", System.StringComparison.Ordinal):
                seen.Add("set_leaf to legacy");
                break;
            case SessionEntry.Node node:
                if (seen.Remove("just upgraded") && node.Transition is NodeTransition.Snapshot)
                {
                    seen.Add(v + "upgrade then full snapshot");
                }

                if (seen.Remove("set_leaf to legacy") && node.ParentId!.StartsWith("legacy:", System.StringComparison.Ordinal))
                {
                    seen.Add("branch from a legacy node");
                }

                break;
        }

        if (entry is not SessionEntry.Header && seen.Contains("no upgrade yet") && version == 2)
        {
            seen.Add("v2 file never upgraded");
        }
    }

    private static void Note(HashSet<string> seen, SessionEntry entry)
    {
        switch (entry)
        {
            case SessionEntry.Header { AgentId: not null, AgentFingerprint: not null }:
                seen.Add("header with agent");
                break;
            case SessionEntry.SetLeaf:
                seen.Add("set_leaf");
                break;
            case SessionEntry.Node node:
                if (seen.Contains("set_leaf") && node.ParentId is not null)
                {
                    seen.Add("set_leaf then branch");
                }

                seen.Remove("set_leaf");
                IReadOnlyList<Message> history;
                switch (node.Transition)
                {
                    case NodeTransition.Snapshot { State: var snapshot }:
                        history = snapshot.History;
                        seen.Add(node.ParentId is null ? "root snapshot" : node.Kind == NodeKind.Compaction ? "compaction snapshot" : "commit snapshot");
                        break;
                    case NodeTransition.SnapshotDelta { Delta: var delta }:
                        history = delta.AppendedHistory;
                        seen.Add(delta.AppendedHistory.Count == 0 ? "empty delta" : "delta");
                        if (delta.Metadata.Count > 0)
                        {
                            seen.Add("metadata");
                        }

                        break;
                    default:
                        throw new InvalidDataException("unknown transition");
                }

                if (node.CompactionFacts is { } facts)
                {
                    seen.Add("compaction with facts");
                    if (facts.CostUsdMicros is not null)
                    {
                        seen.Add("compaction cost");
                    }
                }

                foreach (Message message in history)
                {
                    NoteMessage(seen, message);
                }

                if (history.Count > 0 && history[^1] is Message.Assistant { ToolCallCount: > 0 })
                {
                    seen.Add("unanswered at node end");
                }

                var model = history.Select(Wire.Serialize).ToList();
                var display = node.DisplayMessages.Select(shown => Wire.Serialize(shown.Message)).ToList();
                if (node.Kind == NodeKind.Commit && !model.SequenceEqual(display))
                {
                    seen.Add("display differs");
                }

                if (display.Any(line => line.Contains("\"/goal ", System.StringComparison.Ordinal)))
                {
                    seen.Add("display /goal");
                }

                break;
        }
    }

    private static void NoteMessage(HashSet<string> seen, Message message)
    {
        string kind = message switch
        {
            Message.SystemPrompt => "System",
            Message.User => "User",
            Message.Assistant => "Assistant",
            Message.EnrichedAssistant => "EnrichedAssistant",
            Message.AbortedAssistant => "AbortedAssistant",
            Message.ToolResult => "ToolResult",
            _ => "other",
        };
        seen.Add(kind);
        IReadOnlyList<ContentBlock> blocks = message switch
        {
            Message.User user => user.Content,
            Message.Assistant assistant => assistant.Content,
            Message.EnrichedAssistant enriched => enriched.Content,
            Message.AbortedAssistant aborted => aborted.Content,
            _ => [],
        };
        foreach (ContentBlock block in blocks)
        {
            seen.Add(block switch { ContentBlock.Image => "Image", ContentBlock.ToolCall => "ToolCall", _ => "Text" });
        }

        if (message is Message.AbortedAssistant { ToolCalls.Count: > 0 })
        {
            seen.Add("partial tool call");
        }

        if (message is Message.EnrichedAssistant { ProviderContext.Count: > 0 })
        {
            seen.Add("provider context");
        }
    }

    internal static SessionHistories Read(byte[] file)
    {
        using var stream = new MemoryStream(file, writable: false);
        return SessionReader.ReadHistoriesAsync(stream, null, default).GetAwaiter().GetResult();
    }

    /// <summary>The offset of each line's <c>\n</c>.</summary>
    internal static List<int> LineEnds(byte[] file)
    {
        var ends = new List<int>();
        for (int i = 0; i < file.Length; i++)
        {
            if (file[i] == (byte)'\n')
            {
                ends.Add(i);
            }
        }

        return ends;
    }

    internal static void AssertSame(SyntheticHistories expected, SessionHistories read)
    {
        Assert.Equal(Serialized(expected.Model), Serialized(read.Model));
        Assert.Equal(Serialized(expected.Display), Serialized(read.Display));
        Assert.Equal(expected.ActiveLeafId, read.Tree.ActiveLeafId);

        // The only open tool turn a session has is its last: saved by a node before the tools ran, or
        // written by message records up to some of its results. Both histories then end before that
        // call (and those results), and nothing else is ever cut.
        Assert.InRange(read.ModelMessagesCut, 0, 3);
        Assert.Equal(read.ModelMessagesCut, read.DisplayMessagesCut);
    }

    private static List<string> Serialized(IReadOnlyList<Message> messages) => messages.Select(Wire.Serialize).ToList();
}
