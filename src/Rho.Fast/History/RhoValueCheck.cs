using System;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// Whether a JSON value is already in the form rho 1.47 writes it (see <see cref="RhoValueForm"/>),
/// in one pass that allocates nothing: no whitespace, strings in serde's escaping, numbers as
/// <see cref="RhoNumberForm"/> writes them, no key twice in an object, at most
/// <see cref="Wire.MaxDepth"/> containers deep.
/// </summary>
internal static class RhoValueCheck
{
    /// <summary>Keys held in stack memory before the list moves to a pooled array.</summary>
    private const int StackKeys = 32;

    /// <summary>Marks an open array on the container stack (objects hold the index of their first key).</summary>
    private const int InArray = -1;

    /// <summary>
    /// Whether <paramref name="json"/> is canonical. Anything else, malformed input included,
    /// gives <see langword="false"/>; <see cref="RhoValueWriter"/> then writes the form or says
    /// what is wrong.
    /// </summary>
    public static bool IsCanonical(ReadOnlySpan<byte> json)
    {
        Span<int> containers = stackalloc int[Wire.MaxDepth];
        var keys = new PooledList<Range>(stackalloc Range[StackKeys]);
        try
        {
            return Walk(json, containers, ref keys);
        }
        finally
        {
            keys.Dispose();
        }
    }

    private static bool Walk(ReadOnlySpan<byte> json, Span<int> containers, ref PooledList<Range> keys)
    {
        int depth = 0;
        int i = 0;

    Value:
        if ((uint)i >= (uint)json.Length)
        {
            return false;
        }

        switch (json[i])
        {
            case (byte)'{':
                if (depth == containers.Length)
                {
                    return false;
                }

                containers[depth++] = keys.Count;
                i++;
                if (i < json.Length && json[i] == (byte)'}')
                {
                    depth--;
                    i++;
                    goto AfterValue;
                }

                goto Key;
            case (byte)'[':
                if (depth == containers.Length)
                {
                    return false;
                }

                containers[depth++] = InArray;
                i++;
                if (i < json.Length && json[i] == (byte)']')
                {
                    depth--;
                    i++;
                    goto AfterValue;
                }

                goto Value;
            case (byte)'"':
                i = StringEnd(json, i);
                if (i < 0)
                {
                    return false;
                }

                goto AfterValue;
            case (byte)'t':
                i = LiteralEnd(json, i, "true"u8);
                break;
            case (byte)'f':
                i = LiteralEnd(json, i, "false"u8);
                break;
            case (byte)'n':
                i = LiteralEnd(json, i, "null"u8);
                break;
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                int end = NumberEnd(json, i);
                if (!RhoNumberForm.IsCanonical(json[i..end]))
                {
                    return false;
                }

                i = end;
                break;
            default:
                return false;
        }

        if (i < 0)
        {
            return false;
        }

    AfterValue:
        if (depth == 0)
        {
            return i == json.Length;
        }

        if ((uint)i >= (uint)json.Length)
        {
            return false;
        }

        int container = containers[depth - 1];
        switch (json[i])
        {
            case (byte)',':
                i++;
                if (container == InArray)
                {
                    goto Value;
                }

                goto Key;
            case (byte)']' when container == InArray:
                depth--;
                i++;
                goto AfterValue;
            case (byte)'}' when container != InArray:
                if (HasDuplicate(json, keys.Items[container..]))
                {
                    return false;
                }

                keys.Truncate(container);
                depth--;
                i++;
                goto AfterValue;
            default:
                return false;
        }

    Key:
        if ((uint)i >= (uint)json.Length || json[i] != (byte)'"')
        {
            return false;
        }

        int keyEnd = StringEnd(json, i);
        if (keyEnd < 0 || keyEnd >= json.Length || json[keyEnd] != (byte)':')
        {
            return false;
        }

        // A canonical key is serde's one spelling of its text, so equal keys have equal bytes.
        keys.Add(new Range(i + 1, keyEnd - 1));
        i = keyEnd + 1;
        goto Value;
    }

    /// <summary>The index after the canonical string whose quote is at <paramref name="quote"/>, or -1.</summary>
    private static int StringEnd(ReadOnlySpan<byte> json, int quote)
    {
        int close = StringScanner.FindStringEnd(json, quote + 1, out StringEscapes escapes);
        return close >= 0 && SerdeEscaping.IsCanonical(escapes) ? close + 1 : -1;
    }

    private static int LiteralEnd(ReadOnlySpan<byte> json, int at, ReadOnlySpan<byte> literal) =>
        json[at..].StartsWith(literal) ? at + literal.Length : -1;

    /// <summary>The end of the run of number characters from <paramref name="at"/>; <see cref="RhoNumberForm"/> checks the grammar.</summary>
    private static int NumberEnd(ReadOnlySpan<byte> json, int at)
    {
        int i = at;
        while (i < json.Length && json[i] is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E')
        {
            i++;
        }

        return i;
    }

    private static bool HasDuplicate(ReadOnlySpan<byte> json, ReadOnlySpan<Range> keys)
    {
        if (keys.Length < 2)
        {
            return false;
        }

        var winners = new PooledList<int>(stackalloc int[StackKeys]);
        try
        {
            return ObjectKeys.Resolve(json, keys, winners.Append(keys.Length));
        }
        finally
        {
            winners.Dispose();
        }
    }
}
