using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Rho.Fast.Benchmarks.Peers;

/// <summary>
/// The limit for a JSON reader in .NET: one <see cref="Utf8JsonReader"/> pass over every token of
/// every line, validating the JSON and nothing else; optionally materializing each string value.
/// </summary>
public static class TokenPass
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 128 };

    /// <summary>Reads every token of the file; returns the token count.</summary>
    public static long Tokens(string path)
    {
        var visitor = new TokenVisitor();
        JsonlLines.ForEach(path, ref visitor);
        return visitor.Count;
    }

    /// <summary>Reads every token and calls <see cref="Utf8JsonReader.GetString"/> on each string value; returns the total string length.</summary>
    public static long TokensAndStrings(string path)
    {
        var visitor = new StringVisitor();
        JsonlLines.ForEach(path, ref visitor);
        return visitor.Chars;
    }

    /// <summary>
    /// As <see cref="TokensAndStrings"/>, but keeps every string alive in one list until the pass
    /// ends: the floor for any reader that hands back the file's text as <see cref="string"/>s.
    /// Returns the number of strings kept.
    /// </summary>
    public static long TokensAndStringsKept(string path)
    {
        List<string> kept = [];
        var visitor = new StringVisitor { Kept = kept };
        JsonlLines.ForEach(path, ref visitor);
        return kept.Count;
    }

    private struct TokenVisitor : ILineVisitor
    {
        public long Count;

        public void Line(ReadOnlyMemory<byte> line)
        {
            var reader = new Utf8JsonReader(line.Span, Options);
            while (reader.Read())
            {
                Count++;
            }
        }
    }

    private struct StringVisitor : ILineVisitor
    {
        public long Chars;
        public List<string>? Kept;

        public void Line(ReadOnlyMemory<byte> line)
        {
            var reader = new Utf8JsonReader(line.Span, Options);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.String)
                {
                    string value = reader.GetString()!;
                    Chars += value.Length;
                    Kept?.Add(value);
                }
            }
        }
    }
}
