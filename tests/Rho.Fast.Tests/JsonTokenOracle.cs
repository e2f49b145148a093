using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Rho.Fast.Serialization;

namespace Rho.Fast.Tests;

/// <summary>One token as a reader reports it: type, unescaped text (raw text for numbers), position, depth.</summary>
internal readonly record struct OracleToken(JsonTokenType Type, string Text, int Start, int End, int Depth, bool Escaped)
{
    public override string ToString() => Type + "@" + Start + ".." + End + " d" + Depth + (Escaped ? " esc" : "") + " '" + Text + "'";
}

/// <summary>
/// Tokenizes one input with <see cref="WireReader"/> and with <see cref="Utf8JsonReader"/> (depth
/// 127, and serde_json's rules the latter lacks layered on top: whole-input UTF-8, no lone surrogate
/// escape in any string), so tests can require the same decision and the same tokens. Every string
/// is decoded, so a lone surrogate anywhere rejects the input.
/// </summary>
internal static class JsonTokenOracle
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = Wire.MaxDepth };

    /// <summary>The tokens <see cref="WireReader"/> reads, or <see langword="null"/> with the error when it rejects the input.</summary>
    public static List<OracleToken>? Ours(byte[] input, out Exception? error)
    {
        error = null;
        var tokens = new List<OracleToken>();
        try
        {
            var reader = new WireReader(input);
            while (reader.Read())
            {
                string text = reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
                    ? reader.GetString()
                    : Encoding.UTF8.GetString(reader.ValueSpan);
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    // The byte decoder must agree with the string decoder.
                    byte[] bytes = new byte[reader.ValueSpan.Length];
                    int written = reader.CopyString(bytes);
                    if (Encoding.UTF8.GetString(bytes, 0, written) != text)
                    {
                        throw new InvalidOperationException("CopyString and GetString disagree on token at " + reader.TokenStartIndex);
                    }
                }

                tokens.Add(new OracleToken(reader.TokenType, text, reader.TokenStartIndex, reader.BytesConsumed, reader.CurrentDepth, reader.ValueIsEscaped));
            }
        }
        catch (Exception e) when (e is WireSyntaxException or FormatException)
        {
            error = e;
            return null;
        }

        if (tokens.Count == 0)
        {
            error = new FormatException("no value");
            return null;
        }

        return tokens;
    }

    /// <summary>The tokens <see cref="Utf8JsonReader"/> reads under serde_json's rules, or <see langword="null"/> when they reject the input.</summary>
    public static List<OracleToken>? Reference(byte[] input, out string? error)
    {
        error = null;
        if (!Utf8.IsValid(input))
        {
            error = "invalid UTF-8";
            return null;
        }

        var tokens = new List<OracleToken>();
        try
        {
            var reader = new Utf8JsonReader(input, Options);
            while (reader.Read())
            {
                string text;
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    if (HasLoneSurrogate(reader.ValueSpan))
                    {
                        error = "lone surrogate";
                        return null;
                    }

                    text = reader.GetString()!;
                }
                else
                {
                    text = Encoding.UTF8.GetString(reader.ValueSpan);
                }

                tokens.Add(new OracleToken(reader.TokenType, text, checked((int)reader.TokenStartIndex), checked((int)reader.BytesConsumed), reader.CurrentDepth, reader.ValueIsEscaped));
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            error = e.Message;
            return null;
        }

        if (tokens.Count == 0)
        {
            error = "no value";
            return null;
        }

        return tokens;
    }

    /// <summary>Null when both readers agree on <paramref name="input"/>; else what differs.</summary>
    public static string? Disagreement(byte[] input)
    {
        List<OracleToken>? ours = Ours(input, out Exception? ourError);
        List<OracleToken>? theirs = Reference(input, out string? theirError);
        if (ours is null || theirs is null)
        {
            return (ours is null) == (theirs is null)
                ? null
                : ours is null
                    ? "WireReader rejects what Utf8JsonReader accepts: " + ourError!.Message
                    : "WireReader accepts what Utf8JsonReader rejects: " + theirError;
        }

        for (int i = 0; i < Math.Max(ours.Count, theirs.Count); i++)
        {
            OracleToken? a = i < ours.Count ? ours[i] : null;
            OracleToken? b = i < theirs.Count ? theirs[i] : null;
            if (a != b)
            {
                return "token " + i + ": WireReader " + (a?.ToString() ?? "none") + ", Utf8JsonReader " + (b?.ToString() ?? "none");
            }
        }

        return null;
    }

    /// <summary>serde_json's rule, written independently of both readers: every \u high surrogate is followed by a \u low one, and every low one follows a high one.</summary>
    private static bool HasLoneSurrogate(ReadOnlySpan<byte> escaped)
    {
        bool pendingHigh = false;
        for (int i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] != (byte)'\\')
            {
                if (pendingHigh)
                {
                    return true;
                }

                continue;
            }

            byte letter = escaped[i + 1];
            if (letter != (byte)'u')
            {
                if (pendingHigh)
                {
                    return true;
                }

                i++;
                continue;
            }

            int unit = Convert.ToInt32(Encoding.ASCII.GetString(escaped.Slice(i + 2, 4)), 16);
            bool high = unit is >= 0xD800 and <= 0xDBFF;
            bool low = unit is >= 0xDC00 and <= 0xDFFF;
            if (pendingHigh != low)
            {
                return true;
            }

            pendingHigh = high;
            i += 5;
        }

        return pendingHigh;
    }
}
