using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

/// <summary>
/// Sessions written by rho 1.47 (format v1 with display messages and compactions, and v2 to v4):
/// every command reads them as rho does, and none changes a byte of them.
/// </summary>
public sealed class NewerFormatCommandTests
{
    public static IEnumerable<object[]> Fixtures() =>
        Directory.EnumerateFiles(Vectors.PathOf("rho-1.47"), "*.jsonl", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".model.jsonl", StringComparison.Ordinal) && !path.EndsWith(".display.jsonl", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(Vectors.Directory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Check_show_and_fmt_read_them_as_rho_does_and_repairs_change_nothing(string name)
    {
        using var temp = new TempDirectory();
        string path = temp.Combine(Path.GetFileName(name));
        File.Copy(Vectors.PathOf(name), path);
        byte[] hash = SHA256.HashData(File.ReadAllBytes(path));
        string stem = Vectors.PathOf(name)[..^".jsonl".Length];

        CliResult check = CliRun.Run("check", path);
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("rho 1.47 format v", check.Out);
        Assert.Contains("read only", check.Out);

        CliResult model = CliRun.Run("show", "--json", path);
        Assert.Equal(0, model.ExitCode);
        Assert.Equal(File.ReadAllBytes(stem + ".model.jsonl"), model.Stdout);
        CliResult display = CliRun.Run("show", "--json", "--display", path);
        Assert.Equal(0, display.ExitCode);
        Assert.Equal(File.ReadAllBytes(stem + ".display.jsonl"), display.Stdout);

        CliResult show = CliRun.Run("show", path);
        Assert.Equal(0, show.ExitCode);
        CliResult tree = CliRun.Run("show", "--tree", path);
        Assert.Equal(0, tree.ExitCode);
        Assert.Contains("← active", tree.Out);

        if (name.Contains("generated/", StringComparison.Ordinal) && !name.Contains("-torn", StringComparison.Ordinal))
        {
            // Written through rho's own code: every entry writes back as the same bytes.
            CliResult fmt = CliRun.Run("fmt", path);
            Assert.Equal(0, fmt.ExitCode);
            Assert.Equal(File.ReadAllBytes(path), fmt.Stdout);
        }

        foreach (string[] args in new[] { new[] { "repair", path }, new[] { "repair", "--salvage", path } })
        {
            CliResult result = CliRun.Run(args);
            Assert.True(result.ExitCode == 4, string.Join(' ', args) + ": " + result);
            Assert.Contains("reads but does not write", result.Stderr);
            Assert.Contains("the file is left as it is", result.Stderr);
        }

        Assert.Equal(hash, SHA256.HashData(File.ReadAllBytes(path)));
        Assert.False(File.Exists(path + ".dropped"));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.salvage-*"));
    }

    [Fact]
    public void A_newer_entry_on_the_last_line_is_reported_by_check_not_taken_for_a_torn_write()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("s.jsonl"));
        File.AppendAllText(path, "{\"type\":\"set_leaf\",\"timestamp\":\"9\",\"leaf\":\"n1\"}\n");
        byte[] before = File.ReadAllBytes(path);

        CliResult check = CliRun.Run("check", path);
        CliResult repair = CliRun.Run("repair", path);

        Assert.Equal(4, check.ExitCode);
        Assert.Contains("'set_leaf'", check.Out);
        Assert.Equal(4, repair.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    public static IEnumerable<object[]> NotSessions() =>
    [
        ["binary.bin", new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, (byte)'\n', 0xFF, 0xFE, (byte)'\n', 0x80 }],
        ["object.jsonl", "{\"a\":1}\n"u8.ToArray()],
        ["empty.jsonl", Array.Empty<byte>()],
    ];

    [Theory]
    [MemberData(nameof(NotSessions))]
    public void Repair_leaves_what_is_not_a_session_unchanged_without_force(string file, byte[] bytes)
    {
        using var temp = new TempDirectory();
        string path = temp.Combine(file);
        File.WriteAllBytes(path, bytes);

        foreach (string[] args in new[] { new[] { "repair", path }, new[] { "repair", "--salvage", path } })
        {
            CliResult result = CliRun.Run(args);
            Assert.True(result.ExitCode is 1 or 3, string.Join(' ', args) + ": " + result);
            Assert.Equal(bytes, File.ReadAllBytes(path));
        }

        Assert.False(File.Exists(path + ".dropped"));
        CliResult forced = CliRun.Run("repair", "--salvage", "--force", path);
        Assert.Equal(0, forced.ExitCode);
    }
}
