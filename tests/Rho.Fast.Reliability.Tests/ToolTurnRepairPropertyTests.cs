using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace Rho.Fast.Reliability.Tests;

/// <summary>Whatever the shape of the tool turns and wherever a session is cut, the reader repairs exactly as the reference does.</summary>
public sealed class ToolTurnRepairPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void Any_history_of_complete_and_broken_tool_turns_reads_as_the_reference_repairs_it()
    {
        int iterations = LongRun.Pick(3_000, 100_000);
        SessionGen.AnyShape.Sample(messages =>
        {
            byte[] file = SessionGen.File(messages);
            List<Message> expected = ReferenceReader.DropIncompleteToolTurnTail([.. messages]);
            Assert.Equal(expected, ReferenceReader.Read(file, out _));
            foreach (SessionRecovery recovery in Enum.GetValues<SessionRecovery>())
            {
                Assert.Equal(expected, Read.Bytes(file, recovery).Messages);
            }

            Assert.Equal(expected, Read.Streamed(file));
        }, iter: iterations, print: SessionGen.Describe);
        RunSummary.Write(output, "properties: " + iterations + " histories with complete and broken tool turns repaired as the reference repairs them");
    }

    [Fact]
    public void A_session_cut_at_any_message_and_torn_anywhere_in_the_next_line_reads_as_the_reference_repairs_the_cut()
    {
        int iterations = LongRun.Pick(3_000, 100_000);
        Gen.Select(SessionGen.WellFormed.Where(m => m.Length > 0), Gen.Double[0, 1], Gen.Double[0, 1]).Sample((messages, cutAt, tearAt) =>
        {
            int cut = (int)(cutAt * messages.Length);
            byte[] kept = SessionGen.File(messages.Take(cut));
            byte[] next = SessionGen.File(messages.Skip(cut).Take(1));
            int header = Array.IndexOf(next, (byte)'\n') + 1;

            // A torn line: any strict prefix of the next line, without its newline.
            int lineLength = next.Length - header - 1;
            int torn = Math.Max(0, Math.Min(lineLength - 1, (int)(tearAt * lineLength)));
            byte[] file = [.. kept, .. next.AsSpan(header, torn)];
            List<Message> expected = ReferenceReader.DropIncompleteToolTurnTail(messages.Take(cut).ToList());
            Assert.Equal(expected, ReferenceReader.Read(file, out _));
            SessionReadResult read = Read.Bytes(file, SessionRecovery.TolerateTail);
            Assert.Equal(expected, read.Messages);
            Assert.Equal(torn > 0 && next[header] != (byte)'\n', read.Summary.TornTail is not null);
        }, iter: iterations, print: t => SessionGen.Describe(t.Item1) + "\ncut " + t.Item2 + " tear " + t.Item3);
        RunSummary.Write(output, "properties: " + iterations + " sessions cut at a random message and torn at a random byte of the next line repaired as the reference repairs them");
    }

    [Fact]
    public void Resuming_a_session_cut_inside_a_tool_turn_then_appending_keeps_every_later_append()
    {
        int iterations = LongRun.Pick(150, 3_000);
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        string cwd = scratch.Combine("work");
        Gen.Select(SessionGen.AnyShape, SessionGen.WellFormed).Sample((before, after) =>
        {
            string id;
            using (Session session = store.Create(cwd))
            {
                id = session.Id;
                if (before.Length > 0)
                {
                    session.AppendRange(before);
                }
            }

            if (ReferenceReader.Resumed([.. before]) is not { } repaired)
            {
                // A turn followed by a message that does not answer it: refused, nothing changed.
                string path = store.FindByIdPrefix(cwd, id);
                byte[] file = File.ReadAllBytes(path);
                Assert.Throws<SessionRepairRefusedException>(() => store.Resume(cwd, id));
                Assert.Equal(file, File.ReadAllBytes(path));
                return;
            }

            using (ResumedSession resumed = store.Resume(cwd, id))
            {
                Assert.Equal(repaired, resumed.Messages);
                Assert.Equal(repaired.Count == before.Length, resumed.Repair is null);
                foreach (Message message in after)
                {
                    resumed.Session.Append(message);
                }
            }

            using ResumedSession again = store.Resume(cwd, id);
            Assert.Equal([.. repaired, .. after], again.Messages);
        }, iter: iterations, threads: 2, print: t => SessionGen.Describe(t.Item1) + "\n--- then ---\n" + SessionGen.Describe(t.Item2));
        RunSummary.Write(output, "properties: " + iterations + " sessions with broken tool turns resumed, appended to and resumed again: every later append kept");
    }
}
