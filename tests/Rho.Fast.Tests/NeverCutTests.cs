using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>
/// Only torn bytes are ever cut: complete entries of a format this version does not read, and
/// whatever would be hidden by a cut, are reported and left in place by every read, repair and resume.
/// </summary>
[UnsupportedOSPlatform("windows")] // File modes are part of what is tested.
public sealed class NeverCutTests
{
    private static readonly string s_header = Conversation.HeaderLine();
    private static readonly string s_a = Conversation.EntryLine(Message.UserText("a"));
    private static readonly string s_b = Conversation.EntryLine(Message.UserText("b"));
    private static readonly string s_unknownType = "{\"type\":\"checkpoint\",\"timestamp\":\"2\",\"checkpoint\":{\"revision\":1}}\n";
    private static readonly string s_unknownMessage = "{\"type\":\"message\",\"timestamp\":\"2\",\"message\":{\"Thinking\":{\"text\":\"hmm\"}}}\n";

    public static IEnumerable<object[]> Rho147Fixtures() =>
        Directory.EnumerateFiles(Vectors.PathOf("rho-1.47"), "*.jsonl", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".model.jsonl", StringComparison.Ordinal) && !path.EndsWith(".display.jsonl", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(Vectors.Directory, path))
            .Order(StringComparer.Ordinal)
            .Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Rho147Fixtures))]
    public async Task A_rho_1_47_session_is_read_never_written_and_left_byte_identical(string name)
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        const string Cwd = "/home/u/proj";
        Directory.CreateDirectory(store.WorkspaceDirectory(Cwd));
        string id = Guid.NewGuid().ToString();
        string path = Path.Combine(store.WorkspaceDirectory(Cwd), "1_" + id + ".jsonl");
        File.Copy(Vectors.PathOf(name), path);
        byte[] hash = SHA256.HashData(File.ReadAllBytes(path));

        SessionHistories histories = SessionReader.ReadHistories(path);
        SessionReadResult read = await SessionReader.ReadMessagesAsync(path);
        Assert.Equal(histories.Model.Count, read.Messages.Count);
        using (ResumedSession resumed = await store.ResumeAsync(Cwd, id))
        {
            Assert.False(resumed.Session.CanAppend);
            Assert.Equal(read.Messages, resumed.Messages);
            Assert.Null(resumed.Repair);
            var append = Assert.Throws<UnsupportedSessionFormatException>(() => resumed.Session.Append(Message.UserText("more")));
            Assert.Contains("reads but does not write", append.Message);
        }

        await Assert.ThrowsAsync<UnsupportedSessionFormatException>(() => SessionFiles.RepairAsync(path));
        await Assert.ThrowsAsync<UnsupportedSessionFormatException>(() => SessionFiles.RepairAsync(path, force: true));
        await Assert.ThrowsAsync<UnsupportedSessionFormatException>(() => SessionFiles.SalvageAsync(path));

        Assert.Equal(hash, SHA256.HashData(File.ReadAllBytes(path)));
        Assert.False(File.Exists(path + ".dropped"));
    }

    [Fact]
    public async Task A_header_of_a_newer_version_names_the_version_and_the_line()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("s.jsonl");
        File.WriteAllText(path, s_header.Replace("\"version\":1", "\"version\":5") + s_a);

        var error = await Assert.ThrowsAsync<UnsupportedSessionFormatException>(() => SessionReader.ReadMessagesAsync(path));
        Assert.Equal(1, error.LineNumber);
        Assert.Equal(5UL, error.FormatVersion);
        Assert.Contains("written by rho format v5; this version of Rho.Fast reads v1 to v4", error.Message);
    }

    [Fact]
    public async Task A_complete_entry_of_an_unknown_type_anywhere_is_reported_and_skipped_never_taken_for_a_torn_line()
    {
        foreach (string text in new[] { s_header + s_a + s_unknownType + s_b, s_header + s_a + s_unknownType, s_header + s_a + s_unknownType.TrimEnd('\n') })
        {
            byte[] file = Conversation.Utf8(text);
            SessionReadResult read = await Read(file, SessionRecovery.TolerateTail);
            Message[] expected = text.EndsWith(s_b, StringComparison.Ordinal) ? [Message.UserText("a"), Message.UserText("b")] : [Message.UserText("a")];
            Assert.Equal(expected, read.Messages);
            Assert.Null(read.Summary.TornTail);
            SessionLineIssue unknown = Assert.Single(read.Summary.UnknownEntries);
            Assert.Equal(3, unknown.LineNumber);
            Assert.Contains("'checkpoint'", unknown.Reason);
            // Complete, so the valid prefix runs through it: nothing after it is held back.
            Assert.Equal(file.Length, read.Summary.ValidLength);

            SessionReadResult strict = await Read(file, SessionRecovery.Strict);
            Assert.Equal(expected, strict.Messages);
            Assert.Single(strict.Summary.UnknownEntries);

            SessionReadResult salvage = await Read(file, SessionRecovery.Salvage);
            Assert.Equal(3, Assert.Single(salvage.Summary.UnknownEntries).LineNumber);
            Assert.Empty(salvage.Summary.SkippedLines);
            Assert.Null(salvage.Summary.TornTail);
        }
    }

    [Fact]
    public async Task A_message_of_an_unknown_kind_is_kept_in_the_history_and_written_back_byte_for_byte()
    {
        byte[] file = Conversation.Utf8(s_header + s_a + s_unknownMessage + s_b);
        SessionReadResult read = await Read(file, SessionRecovery.TolerateTail);
        Assert.Equal(3, read.Messages.Count);
        var kept = Assert.IsType<Message.Unrecognized>(read.Messages[1]);
        Assert.Equal("{\"Thinking\":{\"text\":\"hmm\"}}", Rho.Fast.Serialization.Wire.Serialize(kept));
        Assert.Empty(read.Summary.UnknownEntries);
    }

    [Fact]
    public async Task A_torn_tail_after_an_unknown_entry_is_still_torn_and_a_torn_middle_still_corrupt()
    {
        byte[] tornAfter = Conversation.Utf8(s_header + s_unknownType + s_a + "{\"type\":\"mess");
        SessionReadResult salvage = await Read(tornAfter, SessionRecovery.Salvage);
        Assert.Single(salvage.Summary.UnknownEntries);
        Assert.Equal(4, Assert.Single(salvage.Summary.SkippedLines).LineNumber);

        byte[] tornBefore = Conversation.Utf8(s_header + "{\"type\":\"mess\n" + s_unknownType);
        var error = await Assert.ThrowsAsync<SessionFormatException>(() => Read(tornBefore, SessionRecovery.TolerateTail));
        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public async Task Salvage_keeps_unknown_entries_byte_for_byte_when_forced_and_drops_only_torn_lines()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("s.jsonl");
        File.WriteAllText(path, s_header + s_unknownType + "garbage\n" + s_a + s_unknownMessage + "{\"type\":\"mess");
        await Assert.ThrowsAsync<UnsupportedSessionFormatException>(() => SessionFiles.SalvageAsync(path));

        SalvageResult result = await SessionFiles.SalvageAsync(path, force: true);

        Assert.Equal(s_header + s_unknownType + s_a + s_unknownMessage, File.ReadAllText(path));
        Assert.Single(result.Summary.UnknownEntries);
        Assert.Equal(4, result.KeptEntries);
        Assert.Equal("garbage\n{\"type\":\"mess\n", File.ReadAllText(result.BackupPath!));
    }

    [Fact]
    public async Task Salvage_with_nothing_to_drop_leaves_the_file_itself_alone()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("s.jsonl");
        File.WriteAllText(path, s_header + s_a + s_b.TrimEnd('\n'));
        using var held = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        SalvageResult result = await SessionFiles.SalvageAsync(path);

        Assert.Null(result.BackupPath);
        Assert.Equal(s_header + s_a + s_b.TrimEnd('\n'), File.ReadAllText(path));

        // Not replaced by a rewritten copy: the handle opened before still names the file.
        Assert.Equal(path, new FileInfo("/proc/self/fd/" + held.SafeFileHandle.DangerousGetHandle()).LinkTarget);
    }

    public static IEnumerable<object[]> NotSessions() =>
    [
        ["binary", new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, (byte)'\n', 0xFF, 0xFE, 3, (byte)'\n', 0x80, 0x81 }],
        ["object", Conversation.Utf8("{\"a\":1}\n")],
        ["empty", Array.Empty<byte>()],
        ["torn header", Conversation.Utf8("{\"type\":\"sess")],
    ];

    [Theory]
    [MemberData(nameof(NotSessions))]
    public async Task Repair_and_salvage_leave_what_is_not_a_session_unchanged_unless_forced(string what, byte[] bytes)
    {
        using var dir = new TempDirectory();
        string path = dir.Combine(what.Replace(' ', '-') + ".jsonl");
        File.WriteAllBytes(path, bytes);

        var repair = await Record.ExceptionAsync(() => SessionFiles.RepairAsync(path));
        Assert.True(repair is SessionRepairRefusedException or SessionFormatException, what + ": " + repair);
        Assert.IsType<SessionRepairRefusedException>(await Record.ExceptionAsync(() => SessionFiles.SalvageAsync(path)));
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + ".dropped"));

        // Forced, salvage goes ahead, still keeping every byte it drops.
        SalvageResult forced = await SessionFiles.SalvageAsync(path, force: true);
        Assert.Equal(bytes.Length, File.ReadAllBytes(path).Length + forced.DroppedBytes - (forced.BackupPath is null ? 0 : 1));
    }

    [Fact]
    public async Task Resuming_a_session_whose_last_line_is_a_newer_entry_refuses_and_keeps_it()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        const string Cwd = "/home/u/proj";
        string id;
        using (Session session = store.Create(Cwd))
        {
            id = session.Id;
            session.Append(Message.UserText("a"));
            File.AppendAllText(session.Path, s_unknownType);
        }

        string path = store.FindByIdPrefix(Cwd, id);
        byte[] before = File.ReadAllBytes(path);
        var error = await Assert.ThrowsAsync<UnsupportedSessionFormatException>(() => store.ResumeAsync(Cwd, id));
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task A_torn_last_line_of_a_real_session_is_still_cut()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("1_x.jsonl");
        File.WriteAllText(path, s_header + s_a + "{\"type\":\"mess");

        var (read, repair) = await SessionFiles.RepairAsync(path);

        Assert.Equal([Message.UserText("a")], read.Messages);
        Assert.Equal(s_header + s_a, File.ReadAllText(path));
        Assert.Equal("{\"type\":\"mess\n", File.ReadAllText(repair!.BackupPath!));
        Assert.Empty(repair.InterruptedToolCallIds);
    }

    [Fact]
    public async Task A_torn_last_line_with_a_complete_entry_glued_behind_it_is_not_cut()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("1_x.jsonl");
        string text = s_header + s_a + "{\"type\":\"mess" + s_b.TrimEnd('\n');
        File.WriteAllText(path, text);

        var error = await Assert.ThrowsAsync<SessionRepairRefusedException>(() => SessionFiles.RepairAsync(path));
        Assert.Equal(3, error.LineNumber);
        Assert.Contains("--salvage", error.Message);
        Assert.Equal(text, File.ReadAllText(path));

        await SessionFiles.SalvageAsync(path);
        Assert.Equal([Message.UserText("a"), Message.UserText("b")], (await SessionReader.ReadMessagesAsync(path)).Messages);
    }

    [Fact]
    public async Task A_tool_turn_the_file_ends_inside_is_answered_as_interrupted_not_cut()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("1_x.jsonl");
        string before = s_header + s_a + Conversation.EntryLine(Conversation.ToolCalls("t1", "t2")) + Conversation.EntryLine(Conversation.Result("t1"));
        File.WriteAllText(path, before + "{\"ty");

        var (read, repair) = await SessionFiles.RepairAsync(path);

        Message interrupted = Message.ToolResultFor("t2", false, SessionRepair.InterruptedResultText);
        Assert.Equal([Message.UserText("a"), Conversation.ToolCalls("t1", "t2"), Conversation.Result("t1"), interrupted], read.Messages);
        Assert.Equal(["t2"], repair!.InterruptedToolCallIds);
        string after = File.ReadAllText(path);
        Assert.StartsWith(before, after, StringComparison.Ordinal);
        Assert.Equal("{\"ty\n", File.ReadAllText(repair.BackupPath!));
        Assert.Equal(read.Messages, (await SessionReader.ReadMessagesAsync(path, new SessionReadOptions { Recovery = SessionRecovery.Strict })).Messages);
    }

    [Fact]
    public async Task A_tool_turn_followed_by_other_messages_is_refused_and_left_in_place()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("1_x.jsonl");
        string text = s_header + s_a + Conversation.EntryLine(Conversation.ToolCalls("t1")) + s_b;
        File.WriteAllText(path, text);

        var error = await Assert.ThrowsAsync<SessionRepairRefusedException>(() => SessionFiles.RepairAsync(path));

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("never cuts complete entries", error.Message);
        Assert.Equal(text, File.ReadAllText(path));
        Assert.False(File.Exists(path + ".dropped"));
    }

    [Fact]
    public async Task Repair_by_path_keeps_the_file_mode()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("1_x.jsonl");
        File.WriteAllText(path, s_header + s_a + "{\"type\":\"mess\n" + s_b);
        const UnixFileMode Shared = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(path, Shared);

        await SessionFiles.SalvageAsync(path);
        Assert.Equal(Shared, File.GetUnixFileMode(path));

        File.AppendAllText(path, "{\"ty");
        await SessionFiles.RepairAsync(path);
        Assert.Equal(Shared, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path + ".dropped"));
    }

    private static Task<SessionReadResult> Read(byte[] file, SessionRecovery recovery) =>
        SessionReader.ReadMessagesAsync(new MemoryStream(file), new SessionReadOptions { Recovery = recovery });
}
