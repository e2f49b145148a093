using System;
using System.Buffers;
using System.Collections.Generic;
using Rho.Fast.Serialization;

namespace Rho.Fast.Synthetic;

/// <summary>
/// A deterministic synthetic session in rho 1.47's format 4, as rho itself writes it (see
/// <c>docs/FORMAT-V4.md</c>), with the model and display histories it is meant to resume with;
/// optionally begun by an older rho in format 1 to 3 (<see cref="SyntheticTreeOptions.FormatVersion"/>).
/// A seed always gives the same entries and bytes, and a session of fewer entries is a prefix of
/// one of more.
/// </summary>
/// <remarks>
/// <para>
/// The file: a version-4 header with <c>agent_id</c> and <c>agent_fingerprint</c>, a root node
/// with a full snapshot, then child nodes, mostly <c>snapshot_delta</c> transitions on their
/// parent; <c>compaction</c> nodes with a full snapshot, the compaction state advanced and
/// <c>compaction_facts</c>; full-snapshot commits where a retried response replaces an aborted
/// one; empty deltas that change only metadata, or only show something; <c>set_leaf</c> back to
/// an older node, followed by a node that branches from it. Every message kind appears (system
/// prompt, user prompts with images, assistant messages plain and enriched, aborted responses with
/// partial tool calls and usage, tool calls answered by their results), and display messages
/// differ from model messages where rho's do (a <c>/goal</c> command, the reasoning of an aborted
/// response, hidden context, local commands). Now and then a node ends after a tool call whose
/// results come in the next node, so a file cut there resumes without that turn.
/// </para>
/// <para>
/// The expected histories come from the generator's own record of each node, not from reading
/// the file: the active leaf's model history, and what was shown along the active branch with
/// rho's "◆ Compacted context" notice after each compaction, both ending before the first
/// unanswered tool turn.
/// </para>
/// </remarks>
public sealed class SyntheticTreeSession
{
    private readonly List<SessionEntry> _entries;
    private readonly List<TreeNode?> _leaves;
    private readonly SessionEntry _next;

    private SyntheticTreeSession(List<SessionEntry> entries, List<TreeNode?> leaves, SessionEntry next)
    {
        _entries = entries;
        _leaves = leaves;
        _next = next;
    }

    /// <summary>
    /// Generates the first <paramref name="entryCount"/> entries (header included) of the session
    /// for <paramref name="seed"/>.
    /// </summary>
    /// <param name="seed">Selects the session.</param>
    /// <param name="entryCount">How many entries, at least 1 (the header).</param>
    /// <param name="options">Texts, shape and format version; <see cref="SyntheticTreeOptions.Default"/> when none.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="entryCount"/> is below 1.</exception>
    public static SyntheticTreeSession Generate(ulong seed, int entryCount, SyntheticTreeOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entryCount, 1);
        options ??= SyntheticTreeOptions.Default;
        var builder = new TreeSessionBuilder(seed, options.TextSize, options.Shape, options.FormatVersion);
        var entries = new List<SessionEntry>(entryCount);
        var leaves = new List<TreeNode?>(entryCount);
        for (int i = 0; i < entryCount; i++)
        {
            entries.Add(builder.Next());
            leaves.Add(builder.Leaf);
        }

        return new SyntheticTreeSession(entries, leaves, builder.Next());
    }

    /// <summary>The entries, the header first.</summary>
    public IReadOnlyList<SessionEntry> Entries => _entries;

    /// <summary>The histories after every entry.</summary>
    public SyntheticHistories Expected => ExpectedAfter(_entries.Count);

    /// <summary>The histories after the first <paramref name="entryCount"/> entries (0 or 1: none yet).</summary>
    /// <param name="entryCount">How many entries, from 0 to <see cref="Entries"/>' count.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="entryCount"/> is out of range.</exception>
    public SyntheticHistories ExpectedAfter(int entryCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entryCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entryCount, _entries.Count);
        return HistoryOracle.Of(entryCount == 0 ? null : _leaves[entryCount - 1]);
    }

    /// <summary>The file's bytes: every entry on its own line, each followed by <c>\n</c>.</summary>
    /// <param name="tornTail">
    /// End with the first half of the entry that would come next, without its newline, as a write
    /// cut short leaves it (cut at a character boundary, so the file is valid UTF-8). The histories
    /// stay <see cref="Expected"/>.
    /// </param>
    public byte[] ToBytes(bool tornTail = false)
    {
        var output = new ArrayBufferWriter<byte>();
        foreach (SessionEntry entry in _entries)
        {
            Wire.Serialize(output, entry);
            output.Write("\n"u8);
        }

        if (tornTail)
        {
            output.Write(TornHalf(_next));
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>Writes <see cref="ToBytes"/> to a file.</summary>
    /// <param name="path">The file, created or overwritten.</param>
    /// <param name="tornTail">End with half an entry; see <see cref="ToBytes"/>.</param>
    /// <returns>The file's length in bytes.</returns>
    public long WriteFile(string path, bool tornTail = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var output = new LineOutput(path);
        foreach (SessionEntry entry in _entries)
        {
            output.Write(entry);
        }

        if (tornTail)
        {
            output.WriteRaw(TornHalf(_next));
        }

        return output.Finish();
    }

    /// <summary>
    /// Writes the session for <paramref name="seed"/>, with realistic texts, until the file holds at
    /// least <paramref name="targetBytes"/> bytes; it ends after a whole entry. The entries are not
    /// kept, so any size fits in memory.
    /// </summary>
    /// <param name="path">The file, created or overwritten.</param>
    /// <param name="targetBytes">The minimum length.</param>
    /// <param name="seed">Selects the session.</param>
    /// <param name="shape">How the history develops.</param>
    /// <returns>The file's length in bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetBytes"/> is negative.</exception>
    public static long WriteFileOfSize(string path, long targetBytes, ulong seed, SyntheticTreeShape shape = SyntheticTreeShape.Realistic)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(targetBytes);
        return Write(path, seed, shape, (output, _) => output.Length < targetBytes).Length;
    }

    /// <summary>
    /// Writes the session for <paramref name="seed"/>, with realistic texts, until its nodes have
    /// introduced at least <paramref name="messageCount"/> model messages (each counted once, where
    /// it first appears); it ends after a whole entry.
    /// </summary>
    /// <param name="path">The file, created or overwritten.</param>
    /// <param name="messageCount">The minimum number of messages.</param>
    /// <param name="seed">Selects the session.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="messageCount"/> is negative.</exception>
    public static SyntheticTreeFile WriteFileOfMessages(string path, long messageCount, ulong seed)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(messageCount);
        return Write(path, seed, SyntheticTreeShape.Realistic, (_, builder) => builder.MessageCount < messageCount);
    }

    private static SyntheticTreeFile Write(string path, ulong seed, SyntheticTreeShape shape, Func<LineOutput, TreeSessionBuilder, bool> more)
    {
        var builder = new TreeSessionBuilder(seed, SyntheticTextSize.Realistic, shape);
        using var output = new LineOutput(path);
        int entries = 0;
        do
        {
            output.Write(builder.Next());
            entries++;
        }
        while (more(output, builder));

        return new SyntheticTreeFile(output.Finish(), entries, builder.MessageCount);
    }

    /// <summary>The first half of an entry's line, moved back to the start of a character.</summary>
    private static byte[] TornHalf(SessionEntry entry)
    {
        byte[] line = Wire.SerializeToUtf8Bytes(entry);
        int cut = line.Length / 2;
        while (cut > 1 && (line[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return line.AsSpan(0, cut).ToArray();
    }
}

/// <summary>What <see cref="SyntheticTreeSession.WriteFileOfMessages"/> wrote.</summary>
/// <param name="Length">The file's length in bytes.</param>
/// <param name="EntryCount">Its entries, the header included.</param>
/// <param name="MessageCount">The model messages its nodes introduced.</param>
public readonly record struct SyntheticTreeFile(long Length, int EntryCount, long MessageCount);
