using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace Rho.Fast.Reliability.Tests;

/// <summary>Random sessions, written and read back, are the same messages: in memory and through the store.</summary>
public sealed class RoundTripPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void Random_sessions_written_then_read_give_back_the_same_messages()
    {
        int iterations = LongRun.Pick(3_000, 100_000);
        SessionGen.WellFormed.Sample(messages =>
        {
            byte[] file = SessionGen.File(messages);
            foreach (SessionRecovery recovery in Enum.GetValues<SessionRecovery>())
            {
                SessionReadResult read = Read.Bytes(file, recovery);
                Assert.Equal(messages, read.Messages);
                Assert.False(read.Summary.WasRepaired);
                Assert.Equal(file.Length, read.Summary.ValidLength);
            }

            Assert.Equal(messages, Read.Streamed(file));
        }, iter: iterations, print: SessionGen.Describe);
        RunSummary.Write(output, "properties: " + iterations + " random sessions written and read back equal in all three recovery modes and streamed");
    }

    [Fact]
    public void Random_sessions_appended_through_the_store_resume_to_the_same_messages()
    {
        int iterations = LongRun.Pick(150, 3_000);
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        string cwd = scratch.Combine("work");
        Gen.Select(SessionGen.WellFormed, Gen.Int[1, 6].Array[0, 20]).Sample((messages, batches) =>
        {
            string id;
            using (Session session = store.Create(cwd))
            {
                id = session.Id;
                int at = 0;
                foreach (int size in batches.Append(int.MaxValue))
                {
                    Message[] batch = messages.Skip(at).Take(size).ToArray();
                    if (batch.Length == 1)
                    {
                        session.Append(batch[0]);
                    }
                    else if (batch.Length > 1)
                    {
                        session.AppendRange(batch);
                    }

                    at += batch.Length;
                }
            }

            using ResumedSession resumed = store.Resume(cwd, id);
            Assert.Equal(messages, resumed.Messages);
            Assert.Null(resumed.Repair);
        }, iter: iterations, threads: 2, print: t => SessionGen.Describe(t.Item1));
        RunSummary.Write(output, "properties: " + iterations + " random sessions appended through the store in random batches resumed equal");
    }
}
