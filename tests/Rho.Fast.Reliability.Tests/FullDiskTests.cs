using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// Running out of space. Appends fail with a clear <see cref="IOException"/>, every acknowledged
/// entry stays readable, and once space is back the same open session appends durably again. The
/// disk is a 64 KiB tmpfs where the tests may mount one, and otherwise (and also) a file size
/// limit (<c>RLIMIT_FSIZE</c>) on a writer process, which fails writes the same way: a short
/// write, then an error.
/// </summary>
public sealed class FullDiskTests(ITestOutputHelper output)
{
    public static TheoryData<string> Disks => new() { "tmpfs", "file-size-limit" };

    [Theory]
    [MemberData(nameof(Disks))]
    public void An_append_on_a_full_disk_fails_with_an_IOException_that_says_the_disk_is_full(string disk)
    {
        using Fill fill = Fill.Run(disk, output);
        Assert.NotEmpty(fill.Errors);
        foreach ((string type, string message) in fill.Errors)
        {
            // Session.Append documents IOException for a failed write; callers catch that.
            Assert.True(typeof(IOException).IsAssignableFrom(Type.GetType(type + ", System.Private.CoreLib")), "the append failed with " + type + ": " + message);
            Assert.True(message.Contains("No space left on device", StringComparison.Ordinal) || message.Contains("File too large", StringComparison.Ordinal), "unclear message: " + message);
        }
    }

    [Theory]
    [MemberData(nameof(Disks))]
    public void A_full_disk_loses_no_acknowledged_entry(string disk)
    {
        using Fill fill = Fill.Run(disk, output);
        Assert.True(fill.Acknowledged.Count >= 3, "the disk filled before anything was written");
        using ResumedSession resumed = fill.Store.Resume(fill.Cwd, fill.Id);
        Assert.Equal(Show.Lines(fill.Acknowledged), Show.Lines(resumed.Messages.Take(fill.Acknowledged.Count)));
    }

    [Theory]
    [MemberData(nameof(Disks))]
    public void After_a_full_disk_error_the_next_acknowledged_append_of_the_same_session_survives_the_next_resume(string disk)
    {
        using Fill fill = Fill.Run(disk, output);
        Assert.True(fill.AfterAcknowledged, "the append after space came back failed");
        using ResumedSession resumed = fill.Store.Resume(fill.Cwd, fill.Id);
        Assert.Equal(Show.Lines([.. fill.Acknowledged, Fill.After]), Show.Lines(resumed.Messages));
    }

    [Fact]
    public async Task A_read_error_from_the_input_surfaces_as_that_IOException_never_as_a_shorter_history()
    {
        byte[] file = SessionGen.File(Enumerable.Range(0, 50).Select(i => Message.UserText("message " + i)));
        foreach (int failAt in new[] { 0, 1, 100, file.Length / 2, file.Length - 1 })
        {
            // A torn tail is tolerated; a failing read must not be mistaken for one.
            IOException error = await Assert.ThrowsAsync<IOException>(() => SessionReader.ReadMessagesAsync(new FailingStream(file, failAt)));
            Assert.Equal(FailingStream.Message, error.Message);

            IOException streamed = await Assert.ThrowsAsync<IOException>(async () =>
            {
                await foreach (Message _ in SessionReader.StreamMessagesAsync(System.IO.Pipelines.PipeReader.Create(new FailingStream(file, failAt))))
                {
                }
            });
            Assert.Equal(FailingStream.Message, streamed.Message);
        }
    }

    /// <summary>One run of appending until the disk is full, then appending once more after space comes back.</summary>
    private sealed record Fill(SessionStore Store, string Cwd, string Id, List<Message> Acknowledged, List<(string Type, string Message)> Errors, bool AfterAcknowledged, ScratchDirectory Scratch) : IDisposable
    {
        public static readonly Message After = Message.UserText("after the disk had room again");

        private static readonly string Padding = new('x', 1000);

        public static Message Entry(int i) => Message.UserText("fill " + i.ToString(CultureInfo.InvariantCulture) + " " + Padding);

        public static Fill Run(string disk, ITestOutputHelper output)
        {
            var scratch = new ScratchDirectory();

            if (disk == "tmpfs")
            {
                Mount? tmpfs = Mount.Tmpfs(scratch.Combine("disk"), 64);
                if (tmpfs is not null)
                {
                    return RunOnTmpfs(scratch, tmpfs);
                }

                output.WriteLine("mount not permitted: the tmpfs case runs with a file size limit instead");
            }

            return RunWithFileSizeLimit(scratch);
        }

        private static Fill RunOnTmpfs(ScratchDirectory scratch, Mount tmpfs)
        {
            try
            {
                var store = new SessionStore(Path.Combine(tmpfs.Path, "root"));
                string cwd = "/work/full-disk";
                string ballast = Path.Combine(tmpfs.Path, "ballast");
                File.WriteAllBytes(ballast, new byte[8192]);
                var acknowledged = new List<Message>();
                var errors = new List<(string, string)>();
                bool after = false;
                string id;
                using (Session session = store.Create(cwd))
                {
                    id = session.Id;
                    for (int i = 0; errors.Count < 2 && i < 1000; i++)
                    {
                        try
                        {
                            session.Append(Entry(i));
                            acknowledged.Add(Entry(i));
                        }
                        catch (Exception e)
                        {
                            errors.Add((e.GetType().FullName!, e.Message));
                        }
                    }

                    File.Delete(ballast);
                    try
                    {
                        session.Append(After);
                        after = true;
                    }
                    catch (IOException)
                    {
                    }
                }

                // Checks resume from a copy on a roomy disk, so the mount can go now.
                string copy = scratch.Combine("copy");
                CopyFolder(store.Root, copy);
                return new Fill(new SessionStore(copy), cwd, id, acknowledged, errors, after, scratch);
            }
            finally
            {
                tmpfs.Dispose();
            }
        }

        private static Fill RunWithFileSizeLimit(ScratchDirectory scratch)
        {
            var store = new SessionStore(scratch.Combine("root"));
            string cwd = scratch.Combine("work");
            string id;
            using (Session session = store.Create(cwd))
            {
                id = session.Id;
            }

            using WorkerProcess worker = WorkerProcess.Start("fill", store.Root, cwd, id, "5000");
            List<string> lines = worker.WaitForExit(TimeSpan.FromSeconds(60));
            Assert.True(worker.ExitCode == 0 && lines.LastOrDefault() == "done", "the writer failed: " + string.Join("\n", lines) + worker.Stderr);
            var acknowledged = new List<Message>();
            var errors = new List<(string, string)>();
            bool after = false;
            foreach (string line in lines)
            {
                if (line.StartsWith("ack ", StringComparison.Ordinal))
                {
                    if (errors.Count == 0)
                    {
                        acknowledged.Add(Entry(int.Parse(line.AsSpan(4), CultureInfo.InvariantCulture)));
                    }
                    else
                    {
                        after = true;
                    }
                }
                else if (line.StartsWith("error ", StringComparison.Ordinal))
                {
                    string[] parts = line[6..].Split('|', 2);
                    errors.Add((parts[0], parts[1]));
                }
            }

            return new Fill(store, cwd, id, acknowledged, errors, after, scratch);
        }

        public void Dispose() => Scratch.Dispose();

        private static void CopyFolder(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (string file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (string folder in Directory.GetDirectories(from))
            {
                CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
            }
        }
    }

    /// <summary>A stream of <c>bytes</c> whose read fails with an <see cref="IOException"/> at offset <c>failAt</c>.</summary>
    private sealed class FailingStream(byte[] bytes, int failAt) : Stream
    {
        public const string Message = "Input/output error : 'session.jsonl'";

        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => bytes.Length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(Span<byte> buffer)
        {
            if (_position >= failAt)
            {
                throw new IOException(Message);
            }

            int n = Math.Min(buffer.Length, failAt - _position);
            bytes.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
