using System.Text;

namespace Rho.Fast.Synthetic;

/// <summary>
/// Short strings that are hard to carry byte for byte: every escape serde_json writes, the C0
/// controls it writes as <c>\u00xx</c>, characters it leaves raw (DEL, U+2028, BOM, NBSP), astral
/// characters, combining and joined sequences, text that looks like JSON or an escape. No lone
/// surrogates: rho's strings are always valid UTF-8.
/// </summary>
internal static class NastyText
{
    private static readonly string[] Fragments =
    [
        "quote \" and backslash \\",
        "tab\there",
        "cr\r\nlf",
        "ctl \u0001\u001f",
        "nul \u0000 byte",
        "bell\u0007 backspace\b formfeed\f",
        "esc \u001b[31mred\u001b[0m",
        "del \u007f",
        "line sep \u2028 para sep \u2029",
        "nbsp\u00a0end",
        "bom \ufeff inside",
        "naïve café",
        "日本語のテキスト",
        "emoji 😀🎉",
        "family 👨‍👩‍👧 flag 🇫🇷",
        "combining e\u0301",
        "rtl עברית",
        "math 𝔸𝔹 ∑ x²",
        "</script><!-- -->",
        "{\"json\":\"inside\"}",
        "   padded   ",
        "\\u0041 is not an escape",
        "\\n literal backslash n",
        "trailing backslash \\",
        "",
    ];

    /// <summary>One fragment.</summary>
    public static string Fragment(ref SplitMix64 rng) => rng.Pick(Fragments);

    /// <summary>Appends one to three fragments, separated by spaces.</summary>
    public static void Append(ref SplitMix64 rng, StringBuilder text)
    {
        for (int i = rng.Between(1, 3); i > 0; i--)
        {
            text.Append(' ').Append(rng.Pick(Fragments));
        }
    }
}
