using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Rho.Fast.Serialization;
using Xunit;
using Xunit.Abstractions;

namespace Rho.Fast.SerdeVectors.Tests;

/// <summary>
/// Every vector serde_json wrote for the types of TYPES.md: each .jsonl line reads and writes back
/// the same bytes, each accept input writes its canonical output, each reject input is refused
/// with our exception. The folder is <c>RHO_FAST_SERDE_VECTORS</c> when set, else the repository's copy.
/// </summary>
public sealed class SerdeVectorTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, Func<byte[], IWireWritable>> s_types = new()
    {
        ["Optionals"] = Reader<Optionals>(), ["Defaults"] = Reader<Defaults>(),
        ["CaseLower"] = Reader<CaseLowerValue>(), ["CaseSnake"] = Reader<CaseSnakeValue>(), ["CaseScreaming"] = Reader<CaseScreamingValue>(),
        ["CaseKebab"] = Reader<CaseKebabValue>(), ["CaseCamel"] = Reader<CaseCamelValue>(), ["CaseHolder"] = Reader<CaseHolder>(),
        ["Maps"] = Reader<Maps>(), ["WithValue"] = Reader<WithValue>(), ["SessionId"] = Reader<SessionId>(), ["Id"] = Reader<Id>(),
        ["Point"] = Reader<Point>(), ["Marker"] = Reader<Marker>(), ["Wrappers"] = Reader<Wrappers>(), ["Coords"] = Reader<Coords>(),
        ["External"] = Reader<External>(), ["Internal"] = Reader<Internal>(), ["Adjacent"] = Reader<Adjacent>(), ["Event"] = Reader<Event>(),
        ["Scalar"] = Reader<Scalar>(), ["Aliased"] = Reader<Aliased>(), ["Strict"] = Reader<Strict>(), ["Flattened"] = Reader<Flattened>(),
        ["CatchAll"] = Reader<CatchAll>(), ["Integers"] = Reader<Integers>(), ["Floats"] = Reader<Floats>(), ["CharsAndBytes"] = Reader<CharsAndBytes>(),
        ["Nested"] = Reader<Nested>(), ["Tree"] = Reader<Tree>(), ["Role"] = Reader<RoleValue>(), ["Content"] = Reader<Content>(),
        ["ContentBlock"] = Reader<ContentBlock>(), ["Usage"] = Reader<Usage>(), ["StopReason"] = Reader<StopReasonValue>(), ["Message"] = Reader<Message>(),
    };

    public static TheoryData<string> Types()
    {
        var data = new TheoryData<string>();
        foreach (string name in s_types.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Vectors_match_serde(string type)
    {
        Func<byte[], IWireWritable> read = s_types[type];
        var failures = new List<string>();
        int roundTrips = 0, accepts = 0, rejects = 0;
        foreach (string line in Lines(type + ".jsonl"))
        {
            roundTrips++;
            Check(failures, "jsonl", line, line, read);
        }

        foreach (string line in Lines(type + ".accept.tsv"))
        {
            accepts++;
            int tab = line.IndexOf('\t');
            Check(failures, "accept", line[..tab], line[(tab + 1)..], read);
        }

        foreach (string line in Lines(type + ".reject.txt"))
        {
            rejects++;
            string input = line[..line.IndexOf('\t')];
            try
            {
                IWireWritable value = read(Encoding.UTF8.GetBytes(input));
                failures.Add("reject: accepted " + input + " as " + Wire.Serialize(value));
            }
            catch (JsonException e) when (e is WireFormatException or WireSyntaxException)
            {
            }
            catch (Exception e)
            {
                failures.Add("reject: " + input + " threw " + e.GetType().Name + ": " + e.Message);
            }
        }

        output.WriteLine(type + ": " + roundTrips + " jsonl, " + accepts + " accept, " + rejects + " reject; " + failures.Count + " differences");
        foreach (string failure in failures)
        {
            output.WriteLine(failure);
        }

        Assert.Equal(KnownDifferences.For(type), failures.Count);
    }

    private static void Check(List<string> failures, string kind, string input, string expected, Func<byte[], IWireWritable> read)
    {
        try
        {
            string written = Wire.Serialize(read(Encoding.UTF8.GetBytes(input)));
            if (written != expected)
            {
                failures.Add(kind + ": " + input + " wrote " + written + ", serde " + expected);
            }
        }
        catch (Exception e)
        {
            failures.Add(kind + ": " + input + " threw " + e.GetType().Name + ": " + e.Message);
        }
    }

    private static Func<byte[], IWireWritable> Reader<T>() where T : IWireSerializable<T> => bytes => Wire.Deserialize<T>(bytes);

    private static IEnumerable<string> Lines(string file)
    {
        string path = Path.Combine(Folder(), file);
        // Split on '\n' only: strings hold raw U+2028, U+2029 and U+0085.
        foreach (string line in File.ReadAllText(path, new UTF8Encoding(false)).Split('\n'))
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    private static string Folder()
    {
        if (Environment.GetEnvironmentVariable("RHO_FAST_SERDE_VECTORS") is { Length: > 0 } folder)
        {
            return folder;
        }

        // From the test binaries up to the repository: source paths are mapped away in CI builds.
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Rho.Fast.sln")))
            {
                return Path.Combine(dir, "tests", "vectors", "serde");
            }
        }

        throw new InvalidOperationException("Rho.Fast.sln was not found above " + AppContext.BaseDirectory + "; set RHO_FAST_SERDE_VECTORS to the serde vectors folder.");
    }
}
