using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>The serde_json vectors: every entry parses and writes back byte for byte; repaired reads match the reference.</summary>
public sealed class WireVectorTests
{
    private const string Bom = "edge/err-utf8-bom-at-file-start";
    private const string InvalidUtf8LastLine = "edge/err-invalid-utf8-last-line";

    // Where we are deliberately more forgiving than serde (see the vectors' README), with the
    // reference's error for each: the one thing we forgive, so no other failure hides behind it.
    private static readonly Dictionary<string, string> s_lenient = new(StringComparer.Ordinal)
    {
        [Bom] = "ERROR: expected value at line 1 column 1",
        [InvalidUtf8LastLine] = "ERROR: stream did not contain valid UTF-8",
    };

    // An entry of a type the reference does not know fails its whole read; this version reports it,
    // skips it and keeps it (docs/RELIABILITY.md), so a newer writer's entry is never fatal.
    private static readonly HashSet<string> s_unknownTypeKept = new(StringComparer.Ordinal)
    {
        "edge/err-unknown-type",
        "edge/err-type-wrong-case",
    };

    public static IEnumerable<object[]> Files() => Vectors.SessionFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_entry_round_trips_to_the_reference_bytes(string name)
    {
        string stem = name[..^".jsonl".Length];
        byte[] input = File.ReadAllBytes(Vectors.PathOf(name));
        string roundtripPath = Vectors.PathOf(stem + ".roundtrip");
        byte[] expected = File.Exists(roundtripPath) ? File.ReadAllBytes(roundtripPath) : input;

        var output = new List<string>();
        string? error = null;
        List<byte[]> lines = Lines.Split(input);
        for (int i = 0; i < lines.Count; i++)
        {
            byte[] line = lines[i];
            if (i == 0 && line.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
            {
                line = line[3..];
            }

            if (RustWhitespace.IsBlank(line))
            {
                continue;
            }

            try
            {
                SessionEntry entry = Wire.Deserialize<SessionEntry>(line);
                output.Add(Encoding.UTF8.GetString(Wire.SerializeToUtf8Bytes(entry)));
            }
            catch (JsonException e)
            {
                error = e.Message;
                break;
            }
        }

        string expectedText = Encoding.UTF8.GetString(expected);
        if (s_unknownTypeKept.Contains(stem) || stem == "edge/unknown-type-last-line")
        {
            Assert.StartsWith("ERROR:", expectedText);
            Assert.Contains("unknown variant", expectedText);
            Assert.Null(error);
            Assert.Equal(LinesOf(input), output);
            return;
        }

        bool lenient = stem == "edge/err-utf8-bom-at-file-start";
        if (expectedText.StartsWith("ERROR:", StringComparison.Ordinal) && !lenient)
        {
            Assert.True(error is not null, "the reference rejects " + name + " (" + expectedText.Trim() + ") but every line parsed");
            return;
        }

        Assert.Null(error);
        string[] expectedLines = expectedText.StartsWith("ERROR:", StringComparison.Ordinal)
            ? LinesOf(input)
            : expectedText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (stem == "edge/accepted-noncanonical-forms")
        {
            // serde re-sorts keys and re-spells numbers in arguments it parsed; we keep the raw bytes.
            AssertJsonEqual(expectedLines, output);
            return;
        }

        Assert.Equal(expectedLines, output);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Repaired_messages_match_the_reference_reader(string name)
    {
        string stem = name[..^".jsonl".Length];
        string expectedText = File.ReadAllText(Vectors.PathOf(stem + ".expected"));
        if (s_unknownTypeKept.Contains(stem))
        {
            SessionReadResult kept = await SessionReader.ReadMessagesAsync(Vectors.PathOf(name));
            Assert.Equal(3, Assert.Single(kept.Summary.UnknownEntries).LineNumber);
            Assert.Equal(["{\"User\":[{\"Text\":\"hello\"}]}", "{\"Assistant\":[{\"Text\":\"done\"}]}"], kept.Messages.Select(m => Wire.Serialize(m)).ToArray());
            return;
        }

        if (expectedText.StartsWith("ERROR:", StringComparison.Ordinal) && !s_lenient.ContainsKey(stem))
        {
            // A complete line the reference cannot map is a newer format to us, a torn one corrupt.
            Exception? error = await Record.ExceptionAsync(() => SessionReader.ReadMessagesAsync(Vectors.PathOf(name)));
            Assert.True(error is SessionFormatException or UnsupportedSessionFormatException, name + ": " + error);
            return;
        }

        SessionReadResult result = await SessionReader.ReadMessagesAsync(Vectors.PathOf(name));
        string[] actual = result.Messages.Select(m => Wire.Serialize(m)).ToArray();
        if (s_lenient.TryGetValue(stem, out string? forgiven))
        {
            // The reference fails on what we forgive; without it, the file reads as every parsed line, repaired.
            Assert.Equal(forgiven, expectedText.TrimEnd('\n'));
            byte[] input = File.ReadAllBytes(Vectors.PathOf(name));
            Assert.Equal(ReferenceReading(Forgiven(stem, input)), actual);
            long? tornLine = stem == InvalidUtf8LastLine ? Lines.Split(input).Count : null;
            Assert.Equal(tornLine, result.Summary.TornTail?.LineNumber);
            return;
        }

        string[] expected = expectedText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (stem == "edge/accepted-noncanonical-forms")
        {
            AssertJsonEqual(expected, actual);
            return;
        }

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Streaming_yields_the_same_messages_as_the_list(string name)
    {
        string stem = name[..^".jsonl".Length];
        string expectedText = File.ReadAllText(Vectors.PathOf(stem + ".expected"));
        if (expectedText.StartsWith("ERROR:", StringComparison.Ordinal) && !s_lenient.ContainsKey(stem) && !s_unknownTypeKept.Contains(stem))
        {
            // The same error as the list, found at the same line.
            Exception? listError = await Record.ExceptionAsync(() => SessionReader.ReadMessagesAsync(Vectors.PathOf(name)));
            Exception? streamError = await Record.ExceptionAsync(async () =>
            {
                await foreach (Message message in SessionReader.StreamMessagesAsync(Vectors.PathOf(name)))
                {
                }
            });
            Assert.True(listError is SessionFormatException or UnsupportedSessionFormatException, name + ": " + listError);
            Assert.Equal(listError.GetType(), streamError?.GetType());
            Assert.Equal(LineOf(listError), LineOf(streamError!));
            Assert.Equal(listError.Message, streamError!.Message);
            return;
        }

        SessionReadResult list = await SessionReader.ReadMessagesAsync(Vectors.PathOf(name));
        SessionMessageStream stream = SessionReader.StreamMessagesAsync(Vectors.PathOf(name));
        var streamed = new List<Message>();
        await foreach (Message message in stream)
        {
            streamed.Add(message);
        }

        Assert.Equal(list.Messages, streamed);
        Assert.NotNull(stream.Summary);
        Assert.Equal(list.Summary.ValidLength, stream.Summary!.ValidLength);
    }

    private static long LineOf(Exception error) => error switch
    {
        SessionFormatException format => format.LineNumber,
        UnsupportedSessionFormatException unsupported => unsupported.LineNumber,
        _ => throw new ArgumentException("not a reading error: " + error, nameof(error)),
    };

    /// <summary>The file as the reference would accept it: without the BOM, or without the torn last line.</summary>
    private static byte[] Forgiven(string stem, byte[] input)
    {
        if (stem == Bom)
        {
            Assert.True(input.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "the vector starts with a BOM");
            return input[3..];
        }

        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Lines.Split(input)[^1]));
        return input[..(Array.LastIndexOf(input, (byte)'\n', input.Length - 2) + 1)];
    }

    /// <summary>What the reference reader gives for a file whose every line parses: its messages with the tool-turn repair.</summary>
    private static string[] ReferenceReading(byte[] input)
    {
        var messages = new List<Message>();
        foreach (byte[] line in Lines.Split(input).Where(l => !RustWhitespace.IsBlank(l)))
        {
            if (Wire.Deserialize<SessionEntry>(line) is SessionEntry.MessageEntry entry)
            {
                messages.Add(entry.Body);
            }
        }

        return ReferenceRepair.Apply(messages).Select(m => Wire.Serialize(m)).ToArray();
    }

    private static string[] LinesOf(byte[] input) =>
        Lines.Split(input).Where(l => !RustWhitespace.IsBlank(l)).Select(l => Encoding.UTF8.GetString(l)).ToArray();

    private static void AssertJsonEqual(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(SerdeValue.Canonical(expected[i]), SerdeValue.Canonical(actual[i]));
        }
    }
}
