using System;
using System.Text;

namespace Rho.Fast;

/// <summary>A match with some text either side, on one line, as a search result shows it.</summary>
internal static class Snippet
{
    private const int Before = 40;
    private const int After = 60;

    public static (string Text, int MatchStart) Around(string text, int at, int length)
    {
        int start = int.Max(0, at - Before);
        int end = int.Min(text.Length, at + length + After);

        // Never split a surrogate pair at either end.
        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start--;
        }

        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }

        var snippet = new StringBuilder(end - start + 2);
        if (start > 0)
        {
            snippet.Append('…');
        }

        int matchStart = snippet.Length + (at - start);
        foreach (char c in text.AsSpan(start, end - start))
        {
            snippet.Append(c < ' ' || c == '\u007F' ? ' ' : c);
        }

        if (end < text.Length)
        {
            snippet.Append('…');
        }

        return (snippet.ToString(), matchStart);
    }
}
