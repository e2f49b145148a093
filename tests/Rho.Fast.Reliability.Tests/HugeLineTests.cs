using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// Lines far beyond any sane size, and nesting far beyond the depth limit: a located
/// <see cref="SessionFormatException"/> in every recovery mode, memory bounded by the line limit,
/// and no stack overflow.
/// </summary>
public sealed class HugeLineTests(ITestOutputHelper output)
{
    private const long HundredMegabytes = 100L << 20;

    private static readonly byte[] Header = Encoding.UTF8.GetBytes("{\"type\":\"session\",\"version\":1,\"id\":\"6f1c2e4a-8d3b-4c5e-9a7f-0b1c2d3e4f50\",\"timestamp\":\"1\",\"cwd\":\"/w\"}\n");
    private static readonly byte[] LineStart = Encoding.UTF8.GetBytes("{\"type\":\"message\",\"timestamp\":\"1\",\"message\":{\"System\":\"");
    private static readonly byte[] LineEnd = Encoding.UTF8.GetBytes("\"}}\n{\"type\":\"message\",\"timestamp\":\"2\",\"message\":{\"System\":\"after\"}}\n");

    [Theory]
    [InlineData(SessionRecovery.TolerateTail)]
    [InlineData(SessionRecovery.Strict)]
    [InlineData(SessionRecovery.Salvage)]
    public async Task A_100_MB_line_against_a_1_MiB_limit_is_a_located_error_with_memory_near_the_limit(SessionRecovery recovery)
    {
        const int Limit = 1 << 20;
        (SessionFormatException error, long allocated, long total) = await ReadHugeLineAsync(new SessionReadOptions { MaxLineLength = Limit, Recovery = recovery });
        Assert.Equal(2, error.LineNumber);
        Assert.Equal(Header.Length, error.LineOffset);
        Assert.InRange(error.ByteOffset, error.LineOffset, total);
        Assert.Contains("longer than the limit", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 16 * Limit, "reading allocated " + allocated + " bytes against a limit of " + Limit);
        output.WriteLine(recovery + ": " + allocated + " bytes allocated");
    }

    [Theory]
    [InlineData(SessionRecovery.TolerateTail)]
    [InlineData(SessionRecovery.Strict)]
    [InlineData(SessionRecovery.Salvage)]
    public async Task A_100_MB_line_against_the_default_64_MiB_limit_is_a_located_error_with_memory_near_the_limit(SessionRecovery recovery)
    {
        (SessionFormatException error, long allocated, long total) = await ReadHugeLineAsync(new SessionReadOptions { Recovery = recovery });
        Assert.Equal(2, error.LineNumber);
        Assert.InRange(error.ByteOffset, error.LineOffset, total);
        Assert.Contains("longer than the limit", error.Message, StringComparison.Ordinal);

        // The reader had to hold 64 MiB to know the line is too long (partly in pooled buffers,
        // which this count does not see); it must not allocate much more.
        Assert.True(allocated < 3L * SessionReadOptions.DefaultMaxLineLength, "reading allocated " + allocated + " bytes");
        output.WriteLine(recovery + ": " + allocated + " bytes allocated");
    }

    [Fact]
    public async Task A_100_MB_file_of_zeros_is_refused_by_reads_repair_and_salvage_and_left_unchanged()
    {
        // A sparse file: what a crash can leave where a large append was, without using the disk.
        using var scratch = new ScratchDirectory();
        string path = scratch.Combine("1_zeros.jsonl");
        await using (var file = new FileStream(path, FileMode.CreateNew))
        {
            file.SetLength(HundredMegabytes);
        }

        var watch = Stopwatch.StartNew();
        var small = new SessionReadOptions { MaxLineLength = 1 << 20 };
        foreach (SessionRecovery recovery in Enum.GetValues<SessionRecovery>())
        {
            var error = await Assert.ThrowsAsync<SessionFormatException>(() => SessionReader.ReadMessagesAsync(path, new SessionReadOptions { Recovery = recovery, MaxLineLength = small.MaxLineLength }));
            Assert.Equal(1, error.LineNumber);
            Assert.InRange(error.ByteOffset, 0, HundredMegabytes);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }

        // The repairs refuse it too, and leave it as it was; repair reads with the default 64 MiB limit.
        await Assert.ThrowsAsync<SessionFormatException>(() => SessionFiles.RepairAsync(path));
        await Assert.ThrowsAsync<SessionFormatException>(() => SessionFiles.SalvageAsync(path, small));
        Assert.Equal(HundredMegabytes, new FileInfo(path).Length);
        Assert.Equal([path], Directory.GetFiles(scratch.Path));
        output.WriteLine("three reads and two repairs refused in " + watch.Elapsed);
    }

    [Theory]
    [InlineData(1_000, false)]
    [InlineData(1_000, true)]
    [InlineData(1_000_000, false)]
    [InlineData(1_000_000, true)]
    public async Task Nesting_far_past_the_depth_limit_is_a_located_error_in_the_middle_and_a_torn_tail_at_the_end(int depth, bool objects)
    {
        byte[] deep = Mutator.Nested(depth, closed: true, objects);
        byte[] user = Encoding.UTF8.GetBytes("{\"type\":\"message\",\"timestamp\":\"1\",\"message\":{\"User\":[{\"Text\":\"hi\"}]}}\n");
        byte[] middle = [.. Header, .. deep, (byte)'\n', .. user];
        byte[] last = [.. Header, .. user, .. deep, (byte)'\n'];

        var error = await Assert.ThrowsAsync<SessionFormatException>(() => SessionReader.ReadMessagesAsync(new MemoryStream(middle)));
        Assert.Equal(2, error.LineNumber);
        Assert.InRange(error.ByteOffset, Header.Length, Header.Length + deep.Length);

        SessionReadResult read = await SessionReader.ReadMessagesAsync(new MemoryStream(last));
        Assert.Equal([Message.UserText("hi")], read.Messages);
        Assert.NotNull(read.Summary.TornTail);

        SessionReadResult salvaged = await SessionReader.ReadMessagesAsync(new MemoryStream(middle), new SessionReadOptions { Recovery = SessionRecovery.Salvage });
        Assert.Equal([Message.UserText("hi")], salvaged.Messages);
        Assert.Single(salvaged.Summary.SkippedLines);
    }

    private static async Task<(SessionFormatException Error, long Allocated, long Total)> ReadHugeLineAsync(SessionReadOptions options)
    {
        var stream = new LongLineStream([.. Header, .. LineStart], (byte)'a', HundredMegabytes, LineEnd);
        long before = GC.GetAllocatedBytesForCurrentThread();
        SessionFormatException error = await Assert.ThrowsAsync<SessionFormatException>(() => SessionReader.ReadMessagesAsync(stream, options));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return (error, allocated, stream.Length);
    }
}
