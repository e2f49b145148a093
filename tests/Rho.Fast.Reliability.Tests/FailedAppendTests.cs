using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Unicode;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// An append that fails, or that is given content a line cannot hold as it is, must not damage
/// the file: nothing of a refused append is written, later appends of the same session are whole
/// lines, and every acknowledged entry survives the next resume.
/// </summary>
public sealed class FailedAppendTests
{
    // Text members are Utf8Text, where a null string is the empty text; strings that stay strings cannot be null.
    public static TheoryData<string> Unserializable => new() { "tool call id", "tool call name", "tool result id" };

    [Fact]
    public void An_AppendRange_refused_for_a_null_message_writes_nothing_now_or_with_the_next_append()
    {
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        string cwd = scratch.Combine("work");
        string id;
        using (Session session = store.Create(cwd))
        {
            id = session.Id;
            long length = new FileInfo(session.Path).Length;
            Assert.Throws<ArgumentNullException>(() => session.AppendRange([Message.UserText("refused with its batch"), null!]));
            Assert.Equal(length, new FileInfo(session.Path).Length);
            session.Append(Message.UserText("next"));
        }

        using ResumedSession resumed = store.Resume(cwd, id);
        Assert.Equal(Show.Lines([Message.UserText("next")]), Show.Lines(resumed.Messages));
    }

    [Fact]
    public void Null_text_is_written_as_the_empty_text()
    {
        Assert.Equal("{\"User\":[{\"Text\":\"\"}]}", Serialization.Wire.Serialize(Message.UserText(null!)));
        Assert.Equal("{\"System\":\"\"}", Serialization.Wire.Serialize(Message.SystemText(null!)));
        Assert.Equal("{\"ToolResult\":{\"id\":\"c1\",\"ok\":true,\"content\":\"\"}}", Serialization.Wire.Serialize(Message.ToolResultFor("c1", true, null!)));
    }

    [Theory]
    [MemberData(nameof(Unserializable))]
    public void An_append_whose_message_cannot_be_written_leaves_the_following_appends_whole(string field)
    {
        Message bad = field switch
        {
            "tool call id" => new Message.Assistant([new ContentBlock.Text("calling"), new ContentBlock.ToolCall(new ToolInvocation(null!, "bash", RawJson.EmptyObject))]),
            "tool call name" => new Message.Assistant([new ContentBlock.ToolCall(new ToolInvocation("c1", null!, RawJson.EmptyObject))]),
            _ => Message.ToolResultFor(null!, true, "out"),
        };
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        string cwd = scratch.Combine("work");
        string id;
        using (Session session = store.Create(cwd))
        {
            id = session.Id;
            session.Append(Message.UserText("first"));
            long length = new FileInfo(session.Path).Length;
            Assert.ThrowsAny<ArgumentException>(() => session.Append(bad));
            Assert.Equal(length, new FileInfo(session.Path).Length);
            session.Append(Message.UserText("second"));
            session.Append(Message.UserText("third"));
        }

        using ResumedSession resumed = store.Resume(cwd, id);
        Assert.Equal(Show.Lines([Message.UserText("first"), Message.UserText("second"), Message.UserText("third")]), Show.Lines(resumed.Messages));
    }

    [Theory]
    [InlineData("{\n  \"command\": \"ls\"\n}")]
    [InlineData("[1,\n2]")]
    [InlineData("{\"a\":\r\n1}")]
    public void Tool_call_arguments_parsed_from_text_with_line_breaks_never_split_an_entry_across_lines(string arguments)
    {
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        string cwd = scratch.Combine("work");
        RawJson parsed = RawJson.Parse(arguments);
        var call = new Message.Assistant([new ContentBlock.ToolCall(new ToolInvocation("c1", "bash", parsed))]);
        string id;
        bool accepted;
        using (Session session = store.Create(cwd))
        {
            id = session.Id;
            session.Append(Message.UserText("before"));
            long length = new FileInfo(session.Path).Length;
            try
            {
                session.Append(call);
                session.Append(Message.ToolResultFor("c1", true, "ok"));
                accepted = true;
            }
            catch (Exception e) when (e is ArgumentException or JsonException)
            {
                // Refusing such arguments is a valid choice too, if nothing is written.
                Assert.Equal(length, new FileInfo(session.Path).Length);
                accepted = false;
            }

            session.Append(Message.UserText("after"));
        }

        using ResumedSession resumed = store.Resume(cwd, id);
        int lines = File.ReadAllBytes(resumed.Session.Path).Count(b => b == (byte)'\n');
        Assert.Equal(1 + resumed.Messages.Count, lines);
        if (!accepted)
        {
            Assert.Equal([Message.UserText("before"), Message.UserText("after")], resumed.Messages);
            return;
        }

        Assert.Equal(4, resumed.Messages.Count);
        var written = (ContentBlock.ToolCall)((Message.Assistant)resumed.Messages[1]).Content[0];
        using JsonDocument expected = JsonDocument.Parse(arguments);
        using JsonDocument actual = JsonDocument.Parse(written.Call.Arguments.Utf8);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, actual.RootElement), "the arguments changed: " + written.Call.Arguments);
        Assert.Equal(Message.UserText("after"), resumed.Messages[3]);
    }

    [Fact]
    public void Lone_surrogates_are_written_as_U_FFFD_and_never_as_invalid_UTF8()
    {
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        string cwd = scratch.Combine("work");
        string id;
        using (Session session = store.Create(cwd))
        {
            id = session.Id;
            session.Append(Message.UserText("a\ud800b\udc00c\udc00\ud800"));
            session.Append(new Message.Assistant([new ContentBlock.ToolCall(new ToolInvocation("\ud83d", "bash", RawJson.EmptyObject))]));
            session.Append(Message.ToolResultFor("\ufffd", true, "x"));
        }

        using ResumedSession resumed = store.Resume(cwd, id);
        Assert.True(Utf8.IsValid(File.ReadAllBytes(resumed.Session.Path)));
        Assert.Equal(
            new List<Message>
            {
                Message.UserText("a\ufffdb\ufffdc\ufffd\ufffd"),
                new Message.Assistant([new ContentBlock.ToolCall(new ToolInvocation("\ufffd", "bash", RawJson.EmptyObject))]),
                Message.ToolResultFor("\ufffd", true, "x"),
            },
            resumed.Messages);
    }
}
