using System;

namespace Rho.Fast;

/// <summary>The string values of a JSON line, without parsing it: its keys and syntax are never searched.</summary>
internal static class JsonStringValues
{
    /// <summary>Whether <paramref name="pattern"/> matches inside a string of <paramref name="line"/> that is a value, not an object key.</summary>
    public static bool AnyMatches(ReadOnlySpan<byte> line, NeedlePattern pattern)
    {
        int position = 0;
        while (position < line.Length)
        {
            // Outside a string there are no backslashes: the next quote opens one.
            int open = line[position..].IndexOf((byte)'"');
            if (open < 0)
            {
                return false;
            }

            open += position;
            int close = End(line, open + 1);
            if (!IsKey(line, close + 1) && pattern.Find(line[(open + 1)..close], out _) >= 0)
            {
                return true;
            }

            position = close + 1;
        }

        return false;
    }

    /// <summary>The index of the quote that closes the string whose body starts at <paramref name="from"/>, or the line's length.</summary>
    private static int End(ReadOnlySpan<byte> line, int from)
    {
        while (from < line.Length)
        {
            int found = line[from..].IndexOfAny((byte)'"', (byte)'\\');
            if (found < 0)
            {
                break;
            }

            from += found;
            if (line[from] == '"')
            {
                return from;
            }

            from += 2;
        }

        return line.Length;
    }

    private static bool IsKey(ReadOnlySpan<byte> line, int after)
    {
        ReadOnlySpan<byte> rest = after < line.Length ? line[after..].TrimStart(" \t\r\n"u8) : default;
        return !rest.IsEmpty && rest[0] == ':';
    }
}
