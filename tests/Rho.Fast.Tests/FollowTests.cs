using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Rho.Fast.Serialization;
using Rho.Fast.Synthetic;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>
/// Following a file step by step (one look at a time, so every change lands exactly between two
/// looks): lines still being written are waited on, a cut tail is read afresh, a renamed-over file
/// is followed into, and a rewritten one is refused.
/// </summary>
public sealed class FollowTests
{
    private static readonly string Header = Conversation.HeaderLine();

    [Fact]
    public async Task The_entries_already_there_come_first_then_each_appended_one_once()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        File.WriteAllText(path, Header + Entry("one") + Entry("two"));
        await using var follow = new FollowCollector(path);
        await follow.WaitForAsync(3);

        File.AppendAllText(path, Entry("three"));
        await follow.WaitForAsync(4);
        File.AppendAllText(path, Entry("four") + "\n  \n" + Entry("five"));
        await follow.WaitForAsync(6);

        Assert.Equal(Lines(Header, Entry("one"), Entry("two"), Entry("three"), Entry("four"), Entry("five")), await follow.StopAsync());
    }

    [Fact]
    public void A_last_line_without_its_newline_is_waited_on_at_every_cut_and_yielded_once_complete()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        byte[] line = Encoding.UTF8.GetBytes(Entry("héllo 🚀 \"quoted\""));
        for (int cut = 0; cut < line.Length; cut++)
        {
            File.WriteAllText(path, Header);
            using var follower = new SessionFollower(path, SessionFollowOptions.Default);
            Assert.Equal(Lines(Header), FollowSteps.DrainLines(follower));

            Append(path, line.AsSpan(0, cut));
            Assert.Empty(FollowSteps.DrainLines(follower));
            Assert.Equal(cut, follower.Held);

            Append(path, line.AsSpan(cut));
            Assert.Equal([Encoding.UTF8.GetString(line).TrimEnd('\n')], FollowSteps.DrainLines(follower));
            Assert.Empty(FollowSteps.DrainLines(follower));
        }
    }

    [Fact]
    public void A_torn_tail_cut_back_to_the_last_complete_line_is_dropped_and_what_follows_read()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        File.WriteAllText(path, Header + Entry("one") + "{\"type\":\"message\",\"timest");
        using var follower = new SessionFollower(path, SessionFollowOptions.Default);
        Assert.Equal(Lines(Header, Entry("one")), FollowSteps.DrainLines(follower));
        long complete = follower.Consumed;

        Truncate(path, complete);
        Assert.Empty(FollowSteps.DrainLines(follower));
        Assert.Equal(0, follower.Held);
        File.AppendAllText(path, Entry("two"));

        Assert.Equal(Lines(Entry("two")), FollowSteps.DrainLines(follower));
    }

    [Theory]
    [InlineData("an unrelated prefix")]
    [InlineData("the same first bytes")]
    [InlineData("exactly the start of the new line")]
    public void A_torn_tail_cut_and_grown_past_again_before_the_next_look_is_read_afresh(string torn)
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        string next = Entry("two, longer than the torn bytes were");
        string tail = torn switch
        {
            "an unrelated prefix" => "garbage bytes of a crashed writer",
            "the same first bytes" => Entry("TWO, LONGER THAN THE TORN BYTES WERE")[..(next.IndexOf("two", StringComparison.Ordinal) + 5)],
            _ => next[..50],
        };
        Assert.Equal(torn == "exactly the start of the new line", next.StartsWith(tail, StringComparison.Ordinal));
        File.WriteAllText(path, Header + Entry("one") + tail);
        using var follower = new SessionFollower(path, SessionFollowOptions.Default);
        Assert.Equal(Lines(Header, Entry("one")), FollowSteps.DrainLines(follower));
        Assert.Equal(Encoding.UTF8.GetByteCount(tail), follower.Held);

        // A resume: the torn bytes cut, then appends, all between two looks.
        Truncate(path, follower.Consumed);
        File.AppendAllText(path, next + Entry("three"));

        Assert.Equal(Lines(next, Entry("three")), FollowSteps.DrainLines(follower));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_salvage_renaming_its_rewrite_over_the_file_is_followed_into_without_repeating_anything(bool byLength)
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        File.WriteAllText(path, Header + Entry("one") + Entry("two") + "{\"type\":\"message\",\"timest");
        using var follower = new SessionFollower(path, SessionFollowOptions.Default, byLength);
        Assert.Equal(Lines(Header, Entry("one"), Entry("two")), FollowSteps.DrainLines(follower));

        SalvageResult salvage = await SessionFiles.SalvageAsync(path);
        Assert.True(salvage.DroppedBytes > 0);
        File.AppendAllText(path, Entry("three"));

        Assert.Equal(Lines(Entry("three")), FollowSteps.DrainLines(follower));
        File.AppendAllText(path, Entry("four"));
        Assert.Equal(Lines(Entry("four")), FollowSteps.DrainLines(follower));
    }

    [Fact]
    public void A_file_renamed_over_by_one_that_begins_differently_is_an_error_saying_where()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        File.WriteAllText(path, Header + Entry("one") + Entry("two"));
        using var follower = new SessionFollower(path, SessionFollowOptions.Default);
        FollowSteps.DrainLines(follower);

        string other = temp.Combine("other.jsonl");
        File.WriteAllText(other, Header + Entry("one") + Entry("TWO") + Entry("three"));
        File.Move(other, path, overwrite: true);

        var error = Assert.Throws<SessionFormatException>(() => FollowSteps.DrainLines(follower));
        long line3 = Encoding.UTF8.GetByteCount(Header + Entry("one"));
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(line3, error.LineOffset);
        Assert.Equal(line3 + Entry("two").IndexOf("two", StringComparison.Ordinal), error.ByteOffset);
        Assert.Contains("rewritten while it was followed", error.Message);
        Assert.Equal(path, error.SourceName);
    }

    [Fact]
    public void A_file_cut_below_what_was_read_is_an_error()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        File.WriteAllText(path, Header + Entry("one") + Entry("two"));
        using var follower = new SessionFollower(path, SessionFollowOptions.Default);
        FollowSteps.DrainLines(follower);
        long read = follower.Consumed;

        Truncate(path, Encoding.UTF8.GetByteCount(Header + Entry("one")));

        var error = Assert.Throws<SessionFormatException>(() => FollowSteps.DrainLines(follower));
        Assert.Equal(4, error.LineNumber);
        Assert.Equal(read, error.LineOffset);
        Assert.Contains("shorter than the " + read + " bytes already read", error.Reason);
    }

    [Fact]
    public void A_file_rewritten_in_place_is_an_error_when_it_grows_again()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        File.WriteAllText(path, Header + Entry("one") + Entry("two"));
        using var follower = new SessionFollower(path, SessionFollowOptions.Default);
        FollowSteps.DrainLines(follower);

        // Same file, new bytes, longer than before.
        File.WriteAllText(path, Header + Entry("uno") + Entry("dos") + Entry("tres"));

        var error = Assert.Throws<SessionFormatException>(() => FollowSteps.DrainLines(follower));
        Assert.Contains("rewritten while it was followed", error.Reason);
        Assert.Contains("are different now", error.Reason);
    }

    [Fact]
    public void While_the_path_names_no_file_the_open_one_is_followed()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        File.WriteAllText(path, Header + Entry("one"));
        using var writer = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        using var follower = new SessionFollower(path, SessionFollowOptions.Default);
        FollowSteps.DrainLines(follower);

        File.Delete(path);
        writer.Write(Encoding.UTF8.GetBytes(Entry("two")));
        writer.Flush();

        Assert.Equal(Lines(Entry("two")), FollowSteps.DrainLines(follower));
    }

    [Fact]
    public void A_complete_entry_of_an_unknown_kind_is_skipped_and_reported()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        const string Unknown = "{\"type\":\"entry_kind_of_a_far_future_writer\",\"x\":1}\n";
        File.WriteAllText(path, Header + Entry("one") + Unknown + Entry("two"));
        var reported = new List<SessionLineIssue>();
        using var follower = new SessionFollower(path, new SessionFollowOptions { OnUnknownEntry = reported.Add });

        Assert.Equal(Lines(Header, Entry("one"), Entry("two")), FollowSteps.DrainLines(follower));
        SessionLineIssue issue = Assert.Single(reported);
        Assert.Equal(3, issue.LineNumber);
        Assert.Equal(Encoding.UTF8.GetByteCount(Header + Entry("one")), issue.ByteOffset);
        Assert.Contains("entry_kind_of_a_far_future_writer", issue.Reason);
    }

    [Fact]
    public async Task A_complete_line_that_is_not_an_entry_ends_the_follow_with_a_located_error_after_the_entries_before_it()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        File.WriteAllText(path, Header + Entry("one") + "{\"type\":\"message\",\"timest\n" + Entry("two"));
        var yielded = new List<string>();

        var error = await Assert.ThrowsAsync<SessionFormatException>(async () =>
        {
            await foreach (SessionEntry entry in SessionReader.FollowAsync(path))
            {
                yielded.Add(Wire.Serialize(entry));
            }
        });

        Assert.Equal(Lines(Header, Entry("one")), yielded);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(Encoding.UTF8.GetByteCount(Header + Entry("one")), error.LineOffset);
        Assert.Equal(path, error.SourceName);
    }

    [Fact]
    public async Task A_header_of_another_format_version_is_an_unsupported_format()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        File.WriteAllText(path, "{\"type\":\"session\",\"version\":99,\"id\":\"x\",\"timestamp\":\"0\",\"cwd\":\"/\"}\n" + Entry("one"));

        var error = await Assert.ThrowsAsync<UnsupportedSessionFormatException>(async () =>
        {
            await foreach (SessionEntry _ in SessionReader.FollowAsync(path))
            {
            }
        });

        Assert.Equal(99UL, error.FormatVersion);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void A_line_still_being_written_past_the_limit_is_an_error()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        File.WriteAllText(path, Header + "{\"type\":\"message\",\"timestamp\":\"" + new string('9', 300));
        using var follower = new SessionFollower(path, new SessionFollowOptions { MaxLineLength = 200 });

        var error = Assert.Throws<SessionFormatException>(() => FollowSteps.DrainLines(follower));
        Assert.Equal(2, error.LineNumber);
        Assert.Contains("longer than the limit of 200 bytes", error.Reason);
    }

    [Fact]
    public void A_large_file_with_a_line_longer_than_a_read_is_followed_as_it_reads()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        SyntheticSession.WriteFile(path, 3000, seed: 11);
        File.AppendAllText(path, Entry(new string('x', 700_000)) + "\r\n" + Entry("after the long one"));
        using var follower = new SessionFollower(path, SessionFollowOptions.Default);

        List<string> followed = FollowSteps.DrainLines(follower);

        Assert.Equal(FollowSteps.ReadEntryLines(path), followed);
        Assert.Equal(new FileInfo(path).Length, follower.Consumed);
    }

    [Fact]
    public async Task Cancelling_ends_a_wait_at_once_with_an_OperationCanceledException()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        File.WriteAllText(path, Header);
        using var cancel = new CancellationTokenSource();
        await using IAsyncEnumerator<SessionEntry> follow = SessionReader
            .FollowAsync(path, new SessionFollowOptions { PollInterval = TimeSpan.FromHours(1) }, cancel.Token)
            .GetAsyncEnumerator();
        Assert.True(await follow.MoveNextAsync());
        ValueTask<bool> waiting = follow.MoveNextAsync();
        Assert.False(waiting.IsCompleted);

        cancel.Cancel();

        // Far below the hour the wait would last: the wait itself was cancelled.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task The_token_of_WithCancellation_ends_the_follow_too()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        File.WriteAllText(path, Header + Entry("one"));
        using var cancel = new CancellationTokenSource();
        int seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (SessionEntry _ in SessionReader.FollowAsync(path, new SessionFollowOptions { PollInterval = TimeSpan.FromHours(1) }).WithCancellation(cancel.Token))
            {
                if (++seen == 2)
                {
                    cancel.Cancel();
                }
            }
        }).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, seen);
    }

    [Fact]
    public async Task A_missing_file_and_bad_options_are_refused()
    {
        using var temp = new TempDirectory();
        string missing = temp.Combine("missing.jsonl");

        await Assert.ThrowsAsync<FileNotFoundException>(async () =>
        {
            await foreach (SessionEntry _ in SessionReader.FollowAsync(missing))
            {
            }
        });
        Assert.Throws<ArgumentException>(() => SessionReader.FollowAsync(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SessionFollowOptions { PollInterval = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SessionFollowOptions { PollInterval = TimeSpan.FromDays(30) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SessionFollowOptions { MaxLineLength = 0 });
        Assert.Equal(TimeSpan.FromMilliseconds(100), SessionFollowOptions.Default.PollInterval);
    }

    private static string Entry(string text) => Conversation.EntryLine(Message.UserText(text));

    /// <summary>Entry lines as the follower's entries serialize: without their newlines.</summary>
    private static List<string> Lines(params string[] lines) => lines.Select(line => line.TrimEnd('\n')).ToList();

    private static void Append(string path, ReadOnlySpan<byte> bytes)
    {
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        file.Write(bytes);
    }

    private static void Truncate(string path, long length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        file.SetLength(length);
    }
}
