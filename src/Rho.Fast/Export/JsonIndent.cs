using System;
using System.Text;

namespace Rho.Fast.Export;

/// <summary>
/// Tool-call arguments laid out for reading: two-space indentation, one member per line. Only
/// whitespace is added; strings, numbers and escapes stay exactly as they were written, so the
/// text is the call's own JSON.
/// </summary>
internal static class JsonIndent
{
    // Deeper than this, indentation pushes the text off the page: it is shown on one line.
    private const int MaxIndentedDepth = 8;

    public static string Format(ReadOnlySpan<byte> json)
    {
        string text = Encoding.UTF8.GetString(json).Trim();
        if (Depth(text) > MaxIndentedDepth)
        {
            return text;
        }

        var output = new StringBuilder(text.Length + (text.Length / 4));
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '"':
                    int end = StringEnd(text, i);
                    output.Append(text, i, end - i);
                    i = end - 1;
                    break;
                case '{' or '[':
                    output.Append(c);
                    int next = NextSignificant(text, i + 1);
                    if (next < text.Length && text[next] is '}' or ']')
                    {
                        // An empty object or array stays on one line.
                        output.Append(text[next]);
                        i = next;
                    }
                    else
                    {
                        depth++;
                        NewLine(output, depth);
                    }

                    break;
                case '}' or ']':
                    depth = int.Max(depth - 1, 0);
                    NewLine(output, depth);
                    output.Append(c);
                    break;
                case ',':
                    output.Append(',');
                    NewLine(output, depth);
                    break;
                case ':':
                    output.Append(": ");
                    break;
                case ' ' or '\t' or '\r' or '\n':
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }

        return output.ToString();
    }

    private static void NewLine(StringBuilder output, int depth) => output.Append('\n').Append(' ', depth * 2);

    /// <summary>The index just past the string starting at <paramref name="start"/> (its closing quote), or the end of the text.</summary>
    private static int StringEnd(string text, int start)
    {
        for (int i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i + 1;
            }
        }

        return text.Length;
    }

    private static int NextSignificant(string text, int from)
    {
        while (from < text.Length && text[from] is ' ' or '\t' or '\r' or '\n')
        {
            from++;
        }

        return from;
    }

    private static int Depth(string text)
    {
        int depth = 0;
        int deepest = 0;
        for (int i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    i = StringEnd(text, i) - 1;
                    break;
                case '{' or '[':
                    deepest = int.Max(deepest, ++depth);
                    break;
                case '}' or ']':
                    depth--;
                    break;
            }
        }

        return deepest;
    }
}
