using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests.History;

/// <summary>
/// Against rho 1.47's own output: the free values (ToolCall <c>arguments</c>, provider-context
/// <c>data</c>) of its model and display histories are in the canonical form, and are the
/// canonical forms of the values in the session files they were rebuilt from.
/// </summary>
public sealed class RhoValueFormVectorTests
{
    private static readonly JsonDocumentOptions s_deep = new() { MaxDepth = 256 };

    public static IEnumerable<object[]> Histories() =>
        HistoryFiles().Select(path => new object[] { Path.GetRelativePath(Folder, path).Replace('\\', '/') });

    public static IEnumerable<object[]> Sessions() =>
        HistoryFiles()
            .Select(path => SessionOf(path))
            .Distinct(StringComparer.Ordinal)
            .Select(path => new object[] { Path.GetRelativePath(Folder, path).Replace('\\', '/') });

    private static string Folder => Vectors.PathOf("rho-1.47");

    [Theory]
    [MemberData(nameof(Histories))]
    public void Every_free_value_rho_wrote_is_already_canonical(string name)
    {
        int count = 0;
        foreach (string line in File.ReadLines(Path.Combine(Folder, name)))
        {
            foreach (string json in FreeValues(line))
            {
                RawJson value = RawJson.Parse(json);
                RawJson canonical = RhoValueForm.Canonical(value);
                Assert.True(MemoryMarshal.TryGetArray(value.Utf8, out ArraySegment<byte> before));
                Assert.True(MemoryMarshal.TryGetArray(canonical.Utf8, out ArraySegment<byte> after));
                Assert.True(ReferenceEquals(before.Array, after.Array), "not canonical: " + json + "\nform: " + canonical);
                Assert.Equal(json.EnumerateRunes().Count(), RhoValueForm.CharCount(value));
                count++;
            }
        }

        Assert.True(count > 0 || !File.ReadAllText(Path.Combine(Folder, name)).Contains("\"ToolCall\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Sessions))]
    public void Every_free_value_of_a_history_is_the_canonical_form_of_one_in_its_session_file(string name)
    {
        string session = Path.Combine(Folder, name);
        var forms = new HashSet<string>(StringComparer.Ordinal);
        string[] lines = File.ReadAllLines(session);
        for (int i = 0; i < lines.Length; i++)
        {
            bool tornTail = i == lines.Length - 1 && name.Contains("-torn", StringComparison.Ordinal);
            foreach (string json in FreeValues(lines[i], tornTail))
            {
                forms.Add(RhoValueForm.Canonical(RawJson.Parse(json)).ToString());
            }
        }

        string stem = session[..^".jsonl".Length];
        int matched = 0;
        foreach (string history in new[] { stem + ".model.jsonl", stem + ".display.jsonl" })
        {
            foreach (string line in File.ReadLines(history))
            {
                foreach (string json in FreeValues(line))
                {
                    Assert.True(forms.Contains(json), "rho wrote " + json + ", which is no value of " + name + " in rho's form");
                    matched++;
                }
            }
        }

        Assert.True(matched > 0 || forms.Count == 0);
    }

    [Fact]
    public void The_float_rho_reads_inexactly_comes_out_as_in_the_display_history()
    {
        string session = Path.Combine(Folder, "generated", "gen-v2-s201.jsonl");
        string display = File.ReadAllText(Path.Combine(Folder, "generated", "gen-v2-s201.display.jsonl"));
        string[] read = File.ReadLines(session).SelectMany(line => FreeValues(line)).Where(json => json.Contains("1818.4969776440503", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(read);
        foreach (string json in read)
        {
            string canonical = RhoValueForm.Canonical(RawJson.Parse(json)).ToString();
            Assert.Contains("1818.4969776440505", canonical, StringComparison.Ordinal);
            Assert.DoesNotContain("1818.4969776440503", canonical, StringComparison.Ordinal);
            Assert.Contains(canonical, display, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> HistoryFiles() =>
        Directory.EnumerateFiles(Folder, "*.jsonl", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".model.jsonl", StringComparison.Ordinal) || path.EndsWith(".display.jsonl", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string SessionOf(string history) =>
        history.EndsWith(".model.jsonl", StringComparison.Ordinal)
            ? history[..^".model.jsonl".Length] + ".jsonl"
            : history[..^".display.jsonl".Length] + ".jsonl";

    /// <summary>The raw text of every ToolCall <c>arguments</c> and provider-context <c>data</c> in one line.</summary>
    private static List<string> FreeValues(string line, bool mayBeTorn = false)
    {
        var found = new List<string>();
        if (string.IsNullOrWhiteSpace(line))
        {
            return found;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, s_deep);
        }
        catch (JsonException) when (mayBeTorn)
        {
            return found;
        }

        using (document)
        {
            Collect(document.RootElement, found);
        }

        return found;
    }

    private static void Collect(JsonElement element, List<string> found)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                Collect(item, found);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (property.NameEquals("ToolCall") && property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("arguments", out JsonElement arguments))
            {
                found.Add(arguments.GetRawText());
            }
            else if (property.NameEquals("provider_context") && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement block in property.Value.EnumerateArray())
                {
                    if (block.ValueKind == JsonValueKind.Object && block.TryGetProperty("data", out JsonElement data))
                    {
                        found.Add(data.GetRawText());
                    }
                }
            }
            else
            {
                Collect(property.Value, found);
            }
        }
    }
}
