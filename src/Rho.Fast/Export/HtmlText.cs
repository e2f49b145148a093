using System;
using System.IO;

namespace Rho.Fast.Export;

/// <summary>
/// Session text as HTML character data, safe in element content and in quoted attribute values:
/// <c>&amp; &lt; &gt; " '</c> as character references; control characters, which HTML forbids or
/// a page would hide, as their visible symbols (U+2400 block: NUL as ␀, ESC as ␛); bidi embedding
/// and isolate controls, which could reorder what is shown, lone surrogates and noncharacters as
/// U+FFFD. CRLF becomes one line break.
/// </summary>
internal static class HtmlText
{
    public static void Write(TextWriter output, string text)
    {
        int plain = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // A valid pair (an emoji, say) is text like any other.
                i++;
                continue;
            }

            string? replacement = Replacement(c, i + 1 < text.Length ? text[i + 1] : '\0');
            if (replacement is null)
            {
                continue;
            }

            output.Write(text.AsSpan(plain, i - plain));
            output.Write(replacement);
            plain = i + 1;
        }

        output.Write(text.AsSpan(plain));
    }

    /// <summary>What <paramref name="c"/> is written as, or <see langword="null"/> when it is written as it is.</summary>
    private static string? Replacement(char c, char next) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        '\t' or '\n' => null,
        '\r' when next == '\n' => "",
        < ' ' => ((char)(0x2400 + c)).ToString(),
        '\u007F' => "\u2421",
        >= '\u0080' and <= '\u009F' => "\uFFFD",
        >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' => "\uFFFD",
        '\uFFFE' or '\uFFFF' => "\uFFFD",
        >= '\uD800' and <= '\uDFFF' => "\uFFFD",
        _ => null,
    };
}
