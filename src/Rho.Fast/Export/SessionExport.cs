using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;

namespace Rho.Fast.Export;

/// <summary>
/// A session's messages as a document for people or programs: a Markdown transcript, one
/// self-contained HTML page, or a JSON document holding serde_json's bytes of every message.
/// </summary>
/// <remarks>
/// Every format numbers messages from 1 in history order, names the tool each result answers, and
/// folds tool output, tool arguments and system prompts that are longer than
/// <see cref="SessionExportOptions.FoldLines"/> or <see cref="SessionExportOptions.FoldCharacters"/>.
/// Nothing is written about the time of export, so the same messages give the same bytes.
/// </remarks>
public static class SessionExport
{
    /// <summary>
    /// Writes a Markdown transcript: a heading per message, user and assistant text as written,
    /// tool calls with their arguments and tool results in fenced code blocks, long ones inside
    /// <c>&lt;details&gt;</c>.
    /// </summary>
    /// <param name="messages">The history, in order.</param>
    /// <param name="output">Where the text goes; not flushed or closed.</param>
    /// <param name="options">Metadata and folding; <see langword="null"/> for <see cref="SessionExportOptions.Default"/>.</param>
    public static void WriteMarkdown(IReadOnlyList<Message> messages, TextWriter output, SessionExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(output);
        new MarkdownExport(output, options ?? SessionExportOptions.Default).Write(messages);
    }

    /// <summary>
    /// Writes one self-contained HTML page that works offline: inline CSS, no script, and a
    /// Content-Security-Policy that forbids loading anything. Each message is an
    /// <c>&lt;article class="message ..." data-index="I" data-role="ROLE"&gt;</c> (I from 0, ROLE
    /// <c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool_result</c>); tool calls and results are
    /// <c>&lt;details&gt;</c>, closed when long. All text is escaped; control characters are shown as
    /// their symbols (␀, ␛).
    /// </summary>
    /// <param name="messages">The history, in order.</param>
    /// <param name="output">Where the page goes, to be saved as UTF-8; not flushed or closed.</param>
    /// <param name="options">Metadata and folding; <see langword="null"/> for <see cref="SessionExportOptions.Default"/>.</param>
    public static void WriteHtml(IReadOnlyList<Message> messages, TextWriter output, SessionExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(output);
        new HtmlExport(output, options ?? SessionExportOptions.Default).Write(messages);
    }

    /// <summary>
    /// Writes one JSON document, <c>{"session":HEADER,"history":NAME,"messages":[...]}</c>: the
    /// header as its session line (<c>null</c> without one), the history's name or <c>null</c>, and
    /// each message, one per line, in exactly the bytes serde_json writes for it (those of
    /// <c>rho-fast show --json</c>).
    /// </summary>
    /// <param name="messages">The history, in order.</param>
    /// <param name="output">Where the UTF-8 bytes go.</param>
    /// <param name="options">Metadata; <see langword="null"/> for <see cref="SessionExportOptions.Default"/>.</param>
    public static void WriteJson(IReadOnlyList<Message> messages, IBufferWriter<byte> output, SessionExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(output);
        JsonExport.Write(messages, output, options ?? SessionExportOptions.Default);
    }
}
