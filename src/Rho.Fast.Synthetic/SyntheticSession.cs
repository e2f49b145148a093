using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Rho.Fast.Synthetic;

/// <summary>
/// Deterministic synthetic coding-assistant sessions, for benchmarks, tests and demos. A seed always
/// gives the same messages and the same file bytes, on every runtime and platform.
/// </summary>
/// <remarks>
/// The conversation resembles a real coding session: a system prompt, then rounds of a user prompt,
/// tool turns (an assistant message with one to three tool calls, followed by their results in
/// order, about one in seven failed) and an assistant answer. Texts run from a few bytes to about
/// 20 KB and contain newlines, quotes, backslashes, tabs, ANSI escapes, CRLF and non-ASCII
/// (accents, CJK, emoji); tool-call arguments are valid JSON, occasionally nested about 110 deep.
/// A serialized message line averages about 1.7 KB. Every tool turn is complete, so reading a
/// written file gives back every message.
/// </remarks>
public static class SyntheticSession
{
    /// <summary>The working directory written in the header of generated files.</summary>
    public const string DefaultCwd = "/home/u/code/naïve-café";

    /// <summary>The first <paramref name="count"/> messages of the conversation for <paramref name="seed"/>.</summary>
    /// <param name="count">How many messages; where a tool turn would not fit whole, the conversation ends with assistant answers instead.</param>
    /// <param name="seed">Selects the conversation.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static IEnumerable<Message> Messages(int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return MessagesIterator(count, seed);
    }

    /// <summary>
    /// The lines of a session file for <paramref name="seed"/>: the header, then
    /// <paramref name="messageCount"/> message entries (the messages of <see cref="Messages"/>).
    /// </summary>
    /// <param name="messageCount">How many message entries.</param>
    /// <param name="seed">Selects the conversation.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="messageCount"/> is negative.</exception>
    public static IEnumerable<SessionEntry> Entries(int messageCount, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(messageCount);
        return EntriesIterator(messageCount, seed);
    }

    /// <summary>The header entry of the session for <paramref name="seed"/>: a UUID v4 id derived from the seed, and <see cref="DefaultCwd"/>.</summary>
    /// <param name="seed">Selects the session.</param>
    public static SessionEntry.Header Header(ulong seed)
    {
        var conversation = new SyntheticConversation(seed);
        return new SessionEntry.Header(Session.FormatVersion, Uuid(seed), conversation.StartSeconds.ToString(CultureInfo.InvariantCulture), DefaultCwd);
    }

    /// <summary>Writes a session file: the header line, then <paramref name="messageCount"/> message lines, each followed by <c>\n</c>.</summary>
    /// <param name="path">The file, created or overwritten.</param>
    /// <param name="messageCount">How many messages.</param>
    /// <param name="seed">Selects the conversation.</param>
    /// <returns>The file's length in bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="messageCount"/> is negative.</exception>
    public static long WriteFile(string path, int messageCount, ulong seed)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(messageCount);
        using var output = new LineOutput(path);
        foreach (SessionEntry entry in EntriesIterator(messageCount, seed))
        {
            output.Write(entry);
        }

        return output.Finish();
    }

    /// <summary>
    /// Writes a session file of at least <paramref name="targetBytes"/> bytes: the header, then
    /// whole groups (a message, or a tool turn with all its results) until the size is reached.
    /// The result exceeds the target by less than one group (at most about 100 KB).
    /// </summary>
    /// <param name="path">The file, created or overwritten.</param>
    /// <param name="targetBytes">The minimum length.</param>
    /// <param name="seed">Selects the conversation.</param>
    /// <returns>The file's length in bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetBytes"/> is negative.</exception>
    public static long WriteFileOfSize(string path, long targetBytes, ulong seed)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(targetBytes);
        using var output = new LineOutput(path);
        output.Write(Header(seed));
        var conversation = new SyntheticConversation(seed);
        var group = new List<SessionEntry.MessageEntry>(4);
        while (output.Length < targetBytes)
        {
            conversation.NextGroup(group);
            foreach (SessionEntry.MessageEntry entry in group)
            {
                output.Write(entry);
            }
        }

        return output.Finish();
    }

    private static IEnumerable<Message> MessagesIterator(int count, ulong seed)
    {
        foreach (SessionEntry.MessageEntry entry in MessageEntries(count, seed))
        {
            yield return entry.Body;
        }
    }

    private static IEnumerable<SessionEntry> EntriesIterator(int messageCount, ulong seed)
    {
        yield return Header(seed);
        foreach (SessionEntry.MessageEntry entry in MessageEntries(messageCount, seed))
        {
            yield return entry;
        }
    }

    private static IEnumerable<SessionEntry.MessageEntry> MessageEntries(int count, ulong seed)
    {
        var conversation = new SyntheticConversation(seed);
        var group = new List<SessionEntry.MessageEntry>(4);
        int remaining = count;
        while (remaining > 0)
        {
            conversation.NextGroup(group);
            if (group.Count > remaining)
            {
                // A whole tool turn does not fit: end with answers instead, so no turn is left open.
                for (; remaining > 0; remaining--)
                {
                    yield return conversation.Closing();
                }

                yield break;
            }

            foreach (SessionEntry.MessageEntry entry in group)
            {
                yield return entry;
            }

            remaining -= group.Count;
        }
    }

    private static string Uuid(ulong seed)
    {
        var rng = new SplitMix64(seed ^ 0x5EED_1D5E_55A1_0000);
        ulong high = (rng.Next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000;
        ulong low = (rng.Next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
        string hex = high.ToString("x16", CultureInfo.InvariantCulture) + low.ToString("x16", CultureInfo.InvariantCulture);
        return new StringBuilder(36)
            .Append(hex, 0, 8).Append('-').Append(hex, 8, 4).Append('-').Append(hex, 12, 4).Append('-')
            .Append(hex, 16, 4).Append('-').Append(hex, 20, 12).ToString();
    }
}
