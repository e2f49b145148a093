using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>The recovery ladder: strict, tolerate-tail (the reference) and salvage, on the damage seen in the field.</summary>
public sealed class RecoveryModeTests
{
    private static readonly string s_header = Conversation.HeaderLine();
    private static readonly string s_a = Conversation.EntryLine(Message.UserText("a"));
    private static readonly string s_b = Conversation.EntryLine(Message.UserText("b"));

    [Fact]
    public async Task Strict_refuses_even_a_torn_last_line()
    {
        byte[] file = Conversation.Utf8(s_header + s_a + "{\"type\":\"mess");
        var error = await Assert.ThrowsAsync<SessionFormatException>(() => Read(file, SessionRecovery.Strict));
        Assert.Equal(3, error.LineNumber);
        Assert.Contains("strict", error.Message);
    }

    [Fact]
    public async Task Salvage_skips_a_run_of_nul_bytes_in_the_middle()
    {
        byte[] file = [.. Conversation.Utf8(s_header + s_a), .. new byte[4096], (byte)'\n', .. Conversation.Utf8(s_b)];
        SessionReadResult result = await Read(file, SessionRecovery.Salvage);
        Assert.Equal([Message.UserText("a"), Message.UserText("b")], result.Messages);
        SessionLineIssue skipped = Assert.Single(result.Summary.SkippedLines);
        Assert.Equal(3, skipped.LineNumber);
        Assert.StartsWith("····", skipped.Preview);
        await Assert.ThrowsAsync<SessionFormatException>(() => Read(file, SessionRecovery.TolerateTail));
    }

    [Fact]
    public async Task Salvage_recovers_an_entry_after_nul_bytes_on_its_line()
    {
        byte[] file = [.. Conversation.Utf8(s_header + s_a), .. new byte[100], .. Conversation.Utf8(s_b)];
        SessionReadResult result = await Read(file, SessionRecovery.Salvage);
        Assert.Equal([Message.UserText("a"), Message.UserText("b")], result.Messages);
        Assert.Single(result.Summary.RecoveredLines);
    }

    [Fact]
    public async Task Salvage_recovers_a_complete_entry_glued_onto_a_torn_one()
    {
        string torn = s_a[..25];
        byte[] file = Conversation.Utf8(s_header + torn + s_b + Conversation.EntryLine(Message.UserText("c")));
        SessionReadResult result = await Read(file, SessionRecovery.Salvage);
        Assert.Equal([Message.UserText("b"), Message.UserText("c")], result.Messages);
        Assert.Equal(2, Assert.Single(result.Summary.RecoveredLines).LineNumber);
    }

    [Fact]
    public async Task Salvage_skips_a_line_cut_inside_a_multibyte_character()
    {
        byte[] line = Conversation.Utf8(Conversation.EntryLine(Message.UserText("中文")));
        int cut = System.Array.IndexOf(line, (byte)0xE4) + 1;
        byte[] file = [.. Conversation.Utf8(s_header + s_a), .. line.AsSpan(0, cut), (byte)'\n', .. Conversation.Utf8(s_b)];
        SessionReadResult result = await Read(file, SessionRecovery.Salvage);
        Assert.Equal([Message.UserText("a"), Message.UserText("b")], result.Messages);
        Assert.Contains("UTF-8", Assert.Single(result.Summary.SkippedLines).Reason);
    }

    [Fact]
    public async Task Salvage_rewrite_keeps_readable_entries_and_every_dropped_byte()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("s.jsonl");
        byte[] nuls = new byte[64];
        string torn = s_a[..30];
        byte[] original = [.. Conversation.Utf8(s_header + s_a), .. nuls, (byte)'\n', .. Conversation.Utf8(torn + s_b + "garbage\n" + Conversation.EntryLine(Message.UserText("c")))];
        File.WriteAllBytes(path, original);

        SalvageResult result = await SessionFiles.SalvageAsync(path);

        Assert.Equal(Conversation.Utf8(s_header + s_a + s_b + Conversation.EntryLine(Message.UserText("c"))), File.ReadAllBytes(path));
        Assert.Equal(4, result.KeptEntries);
        Assert.Equal(2, result.Summary.SkippedLines.Count);
        Assert.Single(result.Summary.RecoveredLines);
        byte[] dropped = File.ReadAllBytes(result.BackupPath!);
        Assert.Equal([.. nuls, (byte)'\n', .. Conversation.Utf8(torn + "\ngarbage\n")], dropped);
        Assert.Equal(original.Length, File.ReadAllBytes(path).Length + dropped.Length - 1);
        Assert.DoesNotContain(Directory.GetFiles(dir.Path), f => f.Contains(".salvage-"));
        Assert.Equal(
            [Message.UserText("a"), Message.UserText("b"), Message.UserText("c")],
            (await SessionReader.ReadMessagesAsync(path)).Messages);
    }

    [Fact]
    public async Task Repair_cuts_only_the_torn_line_and_answers_the_open_turn()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("1_x.jsonl");
        string complete = s_header + s_a + Conversation.EntryLine(Conversation.ToolCalls("t"));
        File.WriteAllText(path, complete + "{\"ty");
        var (read, repair) = await SessionFiles.RepairAsync(path);
        Assert.Equal([Message.UserText("a"), Conversation.ToolCalls("t"), Message.ToolResultFor("t", false, SessionRepair.InterruptedResultText)], read.Messages);
        Assert.NotNull(repair);
        Assert.StartsWith(complete, File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(repair!.BackupPath!));
    }

    private static Task<SessionReadResult> Read(byte[] file, SessionRecovery recovery) =>
        SessionReader.ReadMessagesAsync(new MemoryStream(file), new SessionReadOptions { Recovery = recovery });
}
