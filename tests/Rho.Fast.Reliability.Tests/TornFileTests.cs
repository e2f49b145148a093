using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Rho.Fast.Serialization;
using Rho.Fast.Synthetic;
using Xunit;
using Xunit.Abstractions;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// A file cut at every byte offset of its last entries, as a crash or a full disk leaves it:
/// the reader returns exactly the complete prefix with the reference's tool-turn repair, never an
/// exception; and the store, resuming such a file, keeps what is appended afterwards.
/// </summary>
public sealed class TornFileTests(ITestOutputHelper output)
{
    private const int TailEntries = 6;

    [Fact]
    public async Task The_realistic_vector_cut_at_every_byte_of_its_last_entries_reads_as_the_reference_repairs_it()
    {
        byte[] whole = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Vectors, "realistic-1k.jsonl"));

        // Every cut re-reads the whole file; in CI the file is its header and last 100 entries,
        // which leaves what a cut can change the same at a sixteenth of the cost.
        byte[] file = LongRun.Enabled ? whole : [.. whole.AsSpan(0, whole.AsSpan().IndexOf((byte)'\n') + 1), .. whole.AsSpan(StartOfLastLines(whole, 100))];
        int cuts = await CheckEveryCutAsync(file, TailEntries);
        RunSummary.Write(output, "torn files: realistic-1k.jsonl" + (LongRun.Enabled ? "" : " (header and last 100 entries)") + " cut at all " + cuts + " byte offsets of its last " + TailEntries + " entries, each read equal to the reference, 0 exceptions");
    }

    [Fact]
    public async Task A_generated_session_cut_at_every_byte_of_its_last_entries_reads_as_the_reference_repairs_it()
    {
        using var scratch = new ScratchDirectory();
        string path = scratch.Combine("generated.jsonl");
        ulong seed = LongRun.Seed;
        // Whole groups to the end, so the last entries include tool turns.
        SyntheticSession.WriteFileOfSize(path, LongRun.Pick(100_000, 1_000_000), seed);
        byte[] file = await File.ReadAllBytesAsync(path);
        int tail = LongRun.Pick(TailEntries, 40);
        int cuts = await CheckEveryCutAsync(file, tail);
        RunSummary.Write(output, "torn files: a generated session (seed " + seed + ") cut at all " + cuts + " byte offsets of its last " + tail + " entries, each read equal to the reference, 0 exceptions");
    }

    [Fact]
    public async Task Resuming_a_file_cut_anywhere_in_its_last_entries_keeps_what_is_appended_afterwards()
    {
        byte[] file = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Vectors, "realistic-1k.jsonl"));
        int windowStart = StartOfLastLines(file, TailEntries);
        var random = new Random(unchecked((int)LongRun.Seed));
        int samples = LongRun.Pick(40, 400);
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        string cwd = scratch.Combine("work");
        Message appended = Message.UserText("appended after the resume ✓");
        for (int sample = 0; sample < samples; sample++)
        {
            int cut = random.Next(windowStart, file.Length + 1);
            string path;
            using (Session session = store.Create(cwd))
            {
                path = session.Path;
            }

            await File.WriteAllBytesAsync(path, file.AsMemory(0, cut));
            string id = SessionStore.IdOf(path)!;
            List<Message> parsed = ReferenceReader.Parse(file.AsSpan(0, cut), out string? error) ?? throw new InvalidOperationException(error);
            if (ReferenceReader.Resumed(parsed) is not { } expected)
            {
                // A turn broken by a later message: resuming would hide entries, so it refuses and changes nothing.
                byte[] before = await File.ReadAllBytesAsync(path);
                Assert.Throws<SessionRepairRefusedException>(() => store.Resume(cwd, id));
                Assert.Equal(before, await File.ReadAllBytesAsync(path));
                File.Delete(path);
                continue;
            }

            using (ResumedSession resumed = store.Resume(cwd, id))
            {
                Assert.Equal(expected, resumed.Messages);
                resumed.Session.Append(appended);
            }

            using (ResumedSession again = store.Resume(cwd, id))
            {
                Assert.Equal([.. expected, appended], again.Messages);
                Assert.Null(again.Repair);
            }

            File.Delete(path);
            File.Delete(path + ".dropped");
        }

        RunSummary.Write(output, "torn files: " + samples + " resumes of realistic-1k.jsonl cut at random offsets of its last " + TailEntries + " entries, then an append: every append survived the next resume");
    }

    /// <summary>Reads <paramref name="file"/> cut at every offset from the start of its last <paramref name="tail"/> lines to its end.</summary>
    private static async Task<int> CheckEveryCutAsync(byte[] file, int tail)
    {
        int windowStart = StartOfLastLines(file, tail);

        // The reference re-reads only the lines the cut can change; the lines before are parsed once.
        List<Message> before = ParseAll(file.AsSpan(0, windowStart));
        int cuts = file.Length - windowStart + 1;
        int done = 0;
        await Parallel.ForAsync(windowStart, file.Length + 1, async (cut, cancellationToken) =>
        {
            List<Message> expected = ReferenceOfCut(before, file.AsSpan(windowStart, cut - windowStart));
            SessionReadResult read;
            try
            {
                read = await SessionReader.ReadMessagesAsync(new MemoryStream(file, 0, cut, writable: false), cancellationToken: cancellationToken);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException("the read of the file cut at byte " + cut + " threw", e);
            }

            if (!expected.SequenceEqual(read.Messages))
            {
                Assert.Fail("cut at byte " + cut + ": read " + read.Messages.Count + " messages, the reference repairs to " + expected.Count);
            }

            Assert.True(read.Summary.ValidLength <= cut);
            Interlocked.Increment(ref done);
        });
        Assert.Equal(cuts, done);
        return cuts;
    }

    private static List<Message> ParseAll(ReadOnlySpan<byte> lines)
    {
        var messages = new List<Message>();
        foreach (byte[] line in ReferenceReader.NonBlankLines(lines))
        {
            if (Wire.Deserialize<SessionEntry>(line) is SessionEntry.MessageEntry { Body: var message })
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>The seed's reader on the whole cut file, given the already parsed complete lines before the window.</summary>
    private static List<Message> ReferenceOfCut(List<Message> before, ReadOnlySpan<byte> window)
    {
        var messages = new List<Message>(before);
        List<byte[]> lines = ReferenceReader.NonBlankLines(window);
        for (int i = 0; i < lines.Count; i++)
        {
            try
            {
                if (Wire.Deserialize<SessionEntry>(lines[i]) is SessionEntry.MessageEntry { Body: var message })
                {
                    messages.Add(message);
                }
            }
            catch (JsonException) when (i + 1 == lines.Count)
            {
            }
        }

        return ReferenceReader.DropIncompleteToolTurnTail(messages);
    }

    private static int StartOfLastLines(byte[] file, int lines)
    {
        int end = file.Length - (file[^1] == (byte)'\n' ? 1 : 0);
        int at = end;
        for (int found = 0; found < lines; found++)
        {
            at = Array.LastIndexOf(file, (byte)'\n', at - 1);
            Assert.True(at > 0, "the file has fewer than " + lines + " lines");
        }

        return at + 1;
    }
}
