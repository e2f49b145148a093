using System;

namespace Rho.Fast;

/// <summary>A session as <see cref="SessionStore.List"/> shows it, read without parsing the whole file.</summary>
/// <param name="Id">The session id.</param>
/// <param name="Path">The session file.</param>
/// <param name="Created">When it was created, from the file name.</param>
/// <param name="Size">The file size in bytes.</param>
/// <param name="MessageCount">The message lines on disk (the repaired history can be shorter if a turn was left unanswered).</param>
/// <param name="Title">The first user text, on one line, or <see langword="null"/> when there is none.</param>
public sealed record SessionInfo(string Id, string Path, DateTimeOffset Created, long Size, long MessageCount, string? Title);

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
