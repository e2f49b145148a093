using System;

namespace Rho.Fast;

/// <summary>
/// Finds escapes serde_json never writes: <c>\/</c>, and <c>\u</c> other than its lowercase
/// <c>\u00xx</c> for a control character without a short form. Another writer's <c>\u00e9</c> hides
/// a character from a byte filter, so a line holding one is decoded to be searched.
/// </summary>
internal static class EscapeScan
{
    /// <summary>Where the first such escape's backslash is, or -1.</summary>
    public static int Find(ReadOnlySpan<byte> data)
    {
        int unicode = NextOf(data, "\\u"u8, 0);
        int solidus = NextOf(data, "\\/"u8, 0);
        return unicode < 0 ? solidus : solidus < 0 ? unicode : int.Min(unicode, solidus);
    }

    private static int NextOf(ReadOnlySpan<byte> data, ReadOnlySpan<byte> escape, int from)
    {
        while (from < data.Length)
        {
            int found = data[from..].IndexOf(escape);
            if (found < 0)
            {
                return -1;
            }

            int at = from + found;
            if (StartsEscape(data, at) && !(escape[1] == 'u' && IsSerdeUnicodeEscape(data[at..])))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    /// <summary>Whether the backslash at <paramref name="at"/> starts an escape: an even number of backslashes precede it.</summary>
    private static bool StartsEscape(ReadOnlySpan<byte> data, int at)
    {
        int before = 0;
        while (at - before - 1 >= 0 && data[at - before - 1] == '\\')
        {
            before++;
        }

        return before % 2 == 0;
    }

    /// <summary><c>\u00xx</c> as serde writes it: lowercase hex, a control character that has no short form.</summary>
    private static bool IsSerdeUnicodeEscape(ReadOnlySpan<byte> escape)
    {
        if (escape.Length < 6 || escape[2] != '0' || escape[3] != '0' || escape[4] is not ((byte)'0' or (byte)'1'))
        {
            return false;
        }

        int low = escape[5] switch
        {
            >= (byte)'0' and <= (byte)'9' => escape[5] - '0',
            >= (byte)'a' and <= (byte)'f' => escape[5] - 'a' + 10,
            _ => -1,
        };
        int code = low < 0 ? -1 : ((escape[4] - '0') << 4) | low;
        return code >= 0 && code is not (0x08 or 0x09 or 0x0A or 0x0C or 0x0D);
    }
}
