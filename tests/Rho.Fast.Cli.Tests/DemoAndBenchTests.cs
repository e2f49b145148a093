using System;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

public sealed class DemoAndBenchTests
{
    [Fact]
    public void The_demo_repairs_the_torn_tail_loses_nothing_and_cleans_up()
    {
        CliResult result = CliRun.Run("demo");

        Assert.True(result.ExitCode == 0, result.ToString());
        string output = result.Out;
        Assert.Matches(@"torn tail cut \(line 402\): [\d,]+ → [\d,]+ bytes", output);
        Assert.Matches(@"cut bytes kept in \S+\.jsonl\.dropped", output);
        Assert.Contains("resumed again: 404 messages", output);
        Assert.Contains("✓ every acknowledged message is there", output);
        Assert.Matches(@"read [\d.]+ MB/s · read_decoded [\d.]+ MB/s · stream [\d.]+ MB/s · serialize [\d.]+ MB/s · append [\d.]+ MB/s", output);
        string root = Regex.Match(output, @"Removed (\S+)\.\n").Groups[1].Value;
        Assert.StartsWith(Path.GetTempPath(), root);
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void Bench_json_is_one_object_per_measurement()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("bench.jsonl"));

        CliResult result = CliRun.Run("bench", path, "--json", "--iterations", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        string[] lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["read", "read_decoded", "stream", "serialize", "append"], Array.ConvertAll(lines, line => JsonDocument.Parse(line).RootElement.GetProperty("name").GetString()!));
        foreach (string line in lines)
        {
            JsonElement measurement = JsonDocument.Parse(line).RootElement;
            Assert.Equal(["name", "bytes", "median_s", "mb_per_s"], Array.ConvertAll([.. measurement.EnumerateObject()], p => p.Name));
            Assert.True(measurement.GetProperty("bytes").GetInt64() > 0);
            Assert.True(measurement.GetProperty("median_s").GetDouble() >= 0);
        }

        Assert.Equal(new FileInfo(path).Length, JsonDocument.Parse(lines[0]).RootElement.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public void Bench_without_a_file_measures_a_generated_one_with_progress_on_stderr()
    {
        CliResult result = CliRun.Run("bench", "--messages", "200", "--iterations", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^MEASURE\s+SIZE\s+MEDIAN\s+MB/s\nread .+\nread_decoded .+\nstream .+\nserialize .+\nappend .+\n$", result.Out);
        Assert.Contains("generating 200 messages: done in ", result.Stderr);
        Assert.Contains("measuring ", result.Stderr);
    }

    [Fact]
    public void Bench_of_a_corrupt_file_is_one_line()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Corrupt(temp.Combine("corrupt.jsonl"));

        CliResult result = CliRun.Run("bench", path, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("rho-fast: " + path + ": line 5 ", result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Bench_of_a_file_without_messages_is_refused(string content)
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("empty.jsonl");
        File.WriteAllText(path, content);

        CliResult result = CliRun.Run("bench", path, "--iterations", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("rho-fast: nothing to measure: " + path + " holds no messages\n", result.Stderr);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void A_rate_too_fast_to_time_is_n_a()
    {
        ThroughputMeasurement[] measurements = [new("serialize", 0, 0, double.PositiveInfinity)];
        var table = new StringWriter();

        Throughput.WriteTable(table, measurements, new Style(false));

        Assert.EndsWith(" n/a\n", table.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("serialize n/a MB/s", Throughput.OneLine(measurements));
    }
}
