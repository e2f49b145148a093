using System;

namespace Rho.Fast.Cli;

/// <summary>
/// <c>list --search</c>, as rho's <c>sessions list --search</c> matches: the query as a substring,
/// ignoring ASCII case only, of the id, the title, the first or last user message, or the cwd.
/// </summary>
internal static class ListSearch
{
    public static bool Matches(SessionInfo session, string query)
    {
        string needle = AsciiLower(query);
        return Contains(session.Id, needle)
            || Contains(session.Title, needle)
            || Contains(session.FirstUserMessage, needle)
            || Contains(session.LastUserMessage, needle)
            || Contains(session.Cwd, needle);
    }

    private static bool Contains(string? text, string needle) =>
        text is not null && AsciiLower(text).Contains(needle, StringComparison.Ordinal);

    // rho lowers ASCII letters only (to_ascii_lowercase): "É" does not match "é" there, nor here.
    private static string AsciiLower(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                char c = source[i];
                span[i] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            }
        });
}
