using System;

namespace Rho.Fast;

/// <summary>The string values of a JSON line, found without parsing it: its keys and syntax are never searched.</summary>
internal static class JsonStringValues
{
    /// <summary>Whether <paramref name="pattern"/> matches inside a string of <paramref name="line"/> that is a value, not an object key.</summary>
    /// <remarks>
    /// Only the strings up to the match are walked: a match in a key (<c>"content":</c>) is told apart
    /// from one in a value by looking at the few strings before it, not at the whole line.
    /// </remarks>
    public static bool AnyMatches(ReadOnlySpan<byte> line, NeedlePattern pattern)
    {
        var strings = new Walk(line);
        for (int from = 0; ;)
        {
            int start = pattern.Find(line, from, out int length, out from);
            if (start < 0)
            {
                return false;
            }

            int close = strings.Containing(start, out bool key);
            if (close >= 0 && !key && start + length <= close)
            {
                return true;
            }
        }
    }

    /// <summary>The strings of a line from its start, walked forwards only as far as asked.</summary>
    private ref struct Walk
    {
        private readonly ReadOnlySpan<byte> _line;

        // The current string: its opening and closing quotes; the previous string's closing quote.
        private int _open;
        private int _close;
        private int _previousClose;

        public Walk(ReadOnlySpan<byte> line)
        {
            _line = line;
            (_open, _close, _previousClose) = (-1, -1, -1);
        }

        /// <summary>
        /// The closing quote of the string whose body holds <paramref name="at"/>, and whether that
        /// string is an object key; -1 when <paramref name="at"/> is outside every string.
        /// </summary>
        public int Containing(int at, out bool key)
        {
            key = false;
            if (at <= _previousClose)
            {
                // Matches come nearly in order; one that starts further back restarts the walk.
                (_open, _close, _previousClose) = (-1, -1, -1);
            }

            while (_close < at)
            {
                int from = _close + 1;

                // Outside a string there are no backslashes: the next quote opens one.
                int quote = from < _line.Length ? _line[from..].IndexOf((byte)'"') : -1;
                _previousClose = _close;
                if (quote < 0)
                {
                    (_open, _close) = (_line.Length, _line.Length);
                    return -1;
                }

                _open = from + quote;
                _close = End(_line, _open + 1);
            }

            if (at <= _open || at >= _close)
            {
                return -1;
            }

            key = IsKey(_line, _close + 1);
            return _close;
        }
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
