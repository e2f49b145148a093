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
    // Where we are deliberately more forgiving than serde (see the vectors' README).
    private static readonly HashSet<string> s_lenient = new(StringComparer.Ordinal)
    {
        "edge/err-utf8-bom-at-file-start",
        "edge/err-invalid-utf8-last-line",
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
        if (expectedText.StartsWith("ERROR:", StringComparison.Ordinal) && !s_lenient.Contains(stem))
        {
            await Assert.ThrowsAsync<SessionFormatException>(() => SessionReader.ReadMessagesAsync(Vectors.PathOf(name)));
            return;
        }

        SessionReadResult result = await SessionReader.ReadMessagesAsync(Vectors.PathOf(name));
        string[] actual = result.Messages.Select(m => Wire.Serialize(m)).ToArray();
        if (s_lenient.Contains(stem))
        {
            // Lenient cases: the same messages the file holds, minus a torn last line.
            Assert.NotEmpty(actual);
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
        if (expectedText.StartsWith("ERROR:", StringComparison.Ordinal) && !s_lenient.Contains(stem))
        {
            return;
        }

        SessionReadResult list = await SessionReader.ReadMessagesAsync(Vectors.PathOf(name));
        SessionMessageStream stream = SessionReader.StreamMessages(Vectors.PathOf(name));
        var streamed = new List<Message>();
        await foreach (Message message in stream)
        {
            streamed.Add(message);
        }

        Assert.Equal(list.Messages, streamed);
        Assert.NotNull(stream.Summary);
        Assert.Equal(list.Summary.ValidLength, stream.Summary!.ValidLength);
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
