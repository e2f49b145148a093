using System;

namespace Rho.Fast;

/// <summary>
/// A session as <see cref="SessionStore.List"/> shows it: the row of the session index (rho's, or
/// Rho.Fast's own in the same schema), checked against the file's size and modification time.
/// </summary>
/// <param name="Id">The session id, from the file name.</param>
/// <param name="Path">The session file.</param>
/// <param name="Created">When it was created: the header's timestamp, else the file name's, else <see cref="Updated"/>.</param>
/// <param name="Size">The file size in bytes.</param>
/// <param name="MessageCount">The messages a resume shows (the repaired history: a torn tail and an unanswered tool turn left out); 0 for a file this version cannot read.</param>
/// <param name="Title">A title given to the session in rho's index (never taken from the file), or <see langword="null"/>.</param>
public sealed record SessionInfo(string Id, string Path, DateTimeOffset Created, long Size, long MessageCount, string? Title)
{
    /// <summary>The session's working directory: the header's, else the one it was listed for.</summary>
    public string Cwd { get; init; } = "";

    /// <summary>When it last changed: the latest timestamp of any entry, else the file's modification time.</summary>
    public DateTimeOffset Updated { get; init; }

    /// <summary>The text of the first user message that has text (its text blocks, each trimmed, joined by newlines), or <see langword="null"/>.</summary>
    public string? FirstUserMessage { get; init; }

    /// <summary>The text of the last user message that has text, as <see cref="FirstUserMessage"/>, or <see langword="null"/>.</summary>
    public string? LastUserMessage { get; init; }
}

/// <summary>A session opened to resume: the append handle, the repaired history, and what resuming repaired on disk.</summary>
/// <remarks>It owns <see cref="Session"/>: disposing it closes the session.</remarks>
public sealed class ResumedSession : IDisposable
{
    internal ResumedSession(Session session, System.Collections.Generic.IReadOnlyList<Message> messages, SessionReadSummary summary, SessionRepair? repair)
    {
        Session = session;
        Messages = messages;
        Summary = summary;
        Repair = repair;
    }

    /// <summary>The session, ready for appends.</summary>
    public Session Session { get; }

    /// <summary>The repaired history: what the file holds now, after any repair.</summary>
    public System.Collections.Generic.IReadOnlyList<Message> Messages { get; }

    /// <summary>What the read found, before the repair.</summary>
    public SessionReadSummary Summary { get; }

    /// <summary>What was changed on disk so that new appends are never lost to a later repair, or <see langword="null"/> when nothing was.</summary>
    public SessionRepair? Repair { get; }

    /// <summary>Closes the session.</summary>
    public void Dispose() => Session.Dispose();
}

/// <summary>
/// What resuming changed on disk so that new appends are never lost to a later repair. Only torn
/// bytes are ever cut (a torn last line, saved to a sidecar first); a tool turn the input ends
/// inside is closed by appending a failed result for each call left unanswered, as rho does.
/// </summary>
/// <param name="TruncatedFrom">The file length before.</param>
/// <param name="TruncatedTo">The length after cutting the torn bytes (equal to <paramref name="TruncatedFrom"/> when nothing was cut).</param>
/// <param name="BackupPath">The file that received the cut bytes (appended, never overwritten), or <see langword="null"/> when nothing was cut.</param>
/// <param name="InterruptedToolCallIds">The tool calls answered with <see cref="SessionRepair.InterruptedResultText"/>, in order; empty when none were.</param>
public sealed record SessionRepair(long TruncatedFrom, long TruncatedTo, string? BackupPath, System.Collections.Generic.IReadOnlyList<string> InterruptedToolCallIds)
{
    /// <summary>The content of the failed result appended for an interrupted tool call (rho's own wording).</summary>
    public const string InterruptedResultText = "tool call interrupted before completion";
}

/// <summary>The outcome of <see cref="SessionFiles.RepairAsync(string, bool, System.Threading.CancellationToken)"/>.</summary>
/// <param name="Read">The repaired read: the messages the file holds now, and what the read found before the repair.</param>
/// <param name="Repair">What was changed on disk, or <see langword="null"/> when nothing was.</param>
public sealed record RepairResult(SessionReadResult Read, SessionRepair? Repair);
