using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

/// <summary><c>fmt</c> and <c>show --json</c> against every shared vector: the reference's bytes, or an ERROR line where it fails.</summary>
public sealed class VectorCommandTests
{
    // serde re-sorts keys and re-spells numbers inside arguments it parsed; we keep the raw bytes.
    private const string NonCanonical = "edge/accepted-noncanonical-forms";

    // Where we are deliberately more forgiving than the reference (see the vectors' README).
    private const string Bom = "edge/err-utf8-bom-at-file-start";
    private const string InvalidUtf8LastLine = "edge/err-invalid-utf8-last-line";

    public static IEnumerable<object[]> Files() => Vectors.SessionFiles();

    public static IEnumerable<object[]> EdgeFiles() => Vectors.SessionFiles().Where(row => ((string)row[0]).StartsWith("edge/", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public void Show_json_prints_the_reference_readers_messages(string name)
    {
        string stem = Stem(name);
        CliResult result = CliRun.Run("show", "--json", Vectors.PathOf(name));
        byte[] expected = File.ReadAllBytes(Vectors.PathOf(stem + ".expected"));

        if (stem is Bom or InvalidUtf8LastLine)
        {
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(ShowJson(Forgiven(stem, Vectors.PathOf(name))), result.Stdout);
            return;
        }

        if (stem is "edge/err-unknown-type" or "edge/err-type-wrong-case")
        {
            // The reference fails on an entry of a type it does not know; this version skips it and reports it.
            Assert.True(IsError(expected));
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("{\"User\":[{\"Text\":\"hello\"}]}\n{\"Assistant\":[{\"Text\":\"done\"}]}\n", Encoding.UTF8.GetString(result.Stdout));
            return;
        }

        if (IsError(expected))
        {
            AssertErrorLine(result);
            return;
        }

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        AssertSameOutput(stem, expected, result.Stdout);
    }

    [Theory]
    [MemberData(nameof(EdgeFiles))]
    public void Fmt_prints_every_entry_as_serde_json_writes_it(string name)
    {
        string stem = Stem(name);
        CliResult result = CliRun.Run("fmt", Vectors.PathOf(name));
        byte[] expected = File.ReadAllBytes(Vectors.PathOf(stem + ".roundtrip"));

        if (stem == Bom)
        {
            // The BOM is skipped; the rest is serde_json's own output, so it comes back unchanged.
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(File.ReadAllBytes(Vectors.PathOf(name))[3..], result.Stdout);
            return;
        }

        if (stem is "edge/err-unknown-type" or "edge/err-type-wrong-case" or "edge/unknown-type-last-line")
        {
            // An entry of a type this version does not know is written back as it was read.
            Assert.True(IsError(expected));
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(File.ReadAllBytes(Vectors.PathOf(name)), result.Stdout);
            return;
        }

        if (IsError(expected))
        {
            AssertErrorLine(result);
            return;
        }

        Assert.Equal(0, result.ExitCode);
        AssertSameOutput(stem, expected, result.Stdout);
    }

    [Theory]
    [InlineData("realistic-1k.jsonl")]
    [InlineData("nasty-500.jsonl")]
    public void Fmt_gives_back_a_file_serde_json_wrote(string name)
    {
        CliResult result = CliRun.Run("fmt", Vectors.PathOf(name));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(Vectors.PathOf(name)), result.Stdout);
    }

    private static void AssertSameOutput(string stem, byte[] expected, byte[] actual)
    {
        if (stem != NonCanonical)
        {
            Assert.Equal(expected, actual);
            return;
        }

        string[] expectedLines = Lines(expected);
        string[] actualLines = Lines(actual);
        Assert.Equal(expectedLines.Length, actualLines.Length);
        for (int i = 0; i < expectedLines.Length; i++)
        {
            Assert.Equal(SerdeValue.Canonical(expectedLines[i]), SerdeValue.Canonical(actualLines[i]));
        }
    }

    private static void AssertErrorLine(CliResult result)
    {
        if (result.ExitCode == 4)
        {
            // A complete line the reference cannot map: a newer format to us, named on stderr.
            Assert.Equal("", result.Out);
            Assert.StartsWith("rho-fast: ", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("the file is left as it is", result.Stderr);
            return;
        }

        // The reference's ERROR line, but on stderr with every other error; nothing on stdout.
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith("ERROR: ", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("\n", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The file as the reference would accept it: without the BOM, or without the torn last line.</summary>
    private static string Forgiven(string stem, string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        byte[] fixedBytes = stem == Bom
            ? bytes[3..]
            : bytes[..(Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1)];
        string copy = Path.Combine(Path.GetTempPath(), "rho-fast-forgiven-" + Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllBytes(copy, fixedBytes);
        return copy;
    }

    private static byte[] ShowJson(string path)
    {
        try
        {
            CliResult result = CliRun.Run("show", "--json", path);
            Assert.Equal(0, result.ExitCode);
            Assert.NotEmpty(result.Stdout);
            return result.Stdout;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool IsError(byte[] expected) => expected.AsSpan().StartsWith("ERROR:"u8);

    private static string[] Lines(byte[] bytes) => Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Stem(string name) => name[..^".jsonl".Length].Replace('\\', '/');
}
