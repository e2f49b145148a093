using System.Text;

namespace Rho.Fast.Cli;

/// <summary>
/// Session text made safe to print: a tool's output often holds ANSI escapes and other control
/// characters, which would restyle or corrupt the terminal. Each becomes its visible symbol
/// (U+2400 block: ESC as ␛), bidi controls become U+FFFD, CRLF becomes a plain line break.
/// </summary>
internal static class Printable
{
    /// <summary>Keeps line breaks and tabs; makes every other control character visible.</summary>
    public static string Text(string text) => Clean(text, singleLine: false);

    /// <summary>As <see cref="Text"/>, with line breaks and tabs shown as spaces.</summary>
    public static string Line(string text) => Clean(text, singleLine: true);

    private static string Clean(string text, bool singleLine)
    {
        int i = 0;
        while (i < text.Length && !NeedsChange(text[i], singleLine))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (!NeedsChange(c, singleLine))
            {
                builder.Append(c);
            }
            else if (c is '\n' or '\t')
            {
                builder.Append(' ');
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                // CRLF: the LF that follows makes the line break.
            }
            else if (c < 0x20)
            {
                builder.Append((char)(0x2400 + c));
            }
            else if (c == 0x7F)
            {
                builder.Append('\u2421');
            }
            else
            {
                // C1 controls (U+0080 to U+009F), which some terminals act on, and bidi controls.
                builder.Append('\uFFFD');
            }
        }

        return builder.ToString();
    }

    private static bool NeedsChange(char c, bool singleLine) =>
        c < 0x20 ? singleLine || (c != '\n' && c != '\t') : (c >= 0x7F && c <= 0x9F) || IsBidiControl(c);

    // Embedding, override and isolate controls reorder the rest of the terminal line (U+202E flips it).
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
