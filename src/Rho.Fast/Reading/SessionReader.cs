using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast;

/// <summary>
/// Reads session files (JSONL) in one streaming pass with the reference reader's repair: blank
/// lines skipped, a torn last line ignored, an unanswered trailing tool turn dropped, any other
/// unreadable line a <see cref="SessionFormatException"/>. Lines are parsed in place in the pipe's
/// buffers; memory is bounded by the longest line plus the open tool turn.
/// </summary>
/// <remarks>
/// The overloads that take a path read the file with blocking reads on the thread that drives the
/// read, as <see cref="FileStream"/> would on a thread-pool thread, without the hop back: a regular
/// file's read waits only on the disk. To read on your own terms (asynchronous handles, a network
/// stream), pass a <see cref="Stream"/> or a <see cref="PipeReader"/>.
/// </remarks>
public static partial class SessionReader
{
    private const int FileBufferSize = 256 * 1024;

    /// <summary>Reads the repaired message list from a pipe (the reference's <c>read_messages</c>).</summary>
    /// <param name="input">The session file's bytes. Completed by this method.</param>
    /// <param name="options">Limits and the input's name for errors.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="SessionFormatException">A line other than the last non-empty one is unreadable, or a line is too long.</exception>
    public static async Task<SessionReadResult> ReadMessagesAsync(PipeReader input, SessionReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= SessionReadOptions.Default;
        var repairer = new TailRepairer(options);
        await LinePipeline.RunAsync(new PipeLines(input, options, repairer), cancellationToken).ConfigureAwait(false);
        repairer.Complete();
        return new SessionReadResult(repairer.Ready, repairer.Summary);
    }

    /// <summary>Reads the repaired message list from a stream, which is left open.</summary>
    /// <param name="input">The session file's bytes.</param>
    /// <param name="options">Limits and the input's name for errors.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="SessionFormatException">A line other than the last non-empty one is unreadable, or a line is too long.</exception>
    public static Task<SessionReadResult> ReadMessagesAsync(Stream input, SessionReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadMessagesAsync(PipeReader.Create(input, PipeOptions(leaveOpen: true)), options, cancellationToken);

    /// <summary>Reads the repaired message list from a file.</summary>
    /// <param name="path">The session file.</param>
    /// <param name="options">Limits; the path names the input in errors unless the options give a name.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="SessionFormatException">A line other than the last non-empty one is unreadable, or a line is too long.</exception>
    public static async Task<SessionReadResult> ReadMessagesAsync(string path, SessionReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        TailRepairer repairer = await ReadKeptAsync(path, options, RepairOutput.Messages, cancellationToken).ConfigureAwait(false);
        return new SessionReadResult(repairer.Ready, repairer.Summary);
    }

    /// <summary>
    /// Reads the repaired message list from a file synchronously, with blocking reads into the
    /// arrays its text is kept in: the same result as <see cref="ReadMessagesAsync(string, SessionReadOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="path">The session file.</param>
    /// <param name="options">Limits; the path names the input in errors unless the options give a name.</param>
    /// <param name="cancellationToken">Checked between buffers.</param>
    /// <exception cref="SessionFormatException">A line other than the last non-empty one is torn, or a line is too long.</exception>
    /// <exception cref="UnsupportedSessionFormatException">The file is in a format this version does not read.</exception>
    public static SessionReadResult ReadMessages(string path, SessionReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        TailRepairer repairer = ReadKept(path, options, RepairOutput.Messages, cancellationToken);
        return new SessionReadResult(repairer.Ready, repairer.Summary);
    }

    /// <summary>
    /// Reads a session file of any format from 1 to 4 into the two histories rho 1.47 resumes
    /// with, in one streaming pass (see <c>docs/FORMAT-V4.md</c>).
    /// </summary>
    /// <param name="path">The session file.</param>
    /// <param name="options">Line limit and how unreadable lines are treated; the source name defaults to <paramref name="path"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The model and display histories, the conversation tree and what the read found.</returns>
    /// <exception cref="SessionFormatException">A line cannot be read, or the records contradict each other (a delta on the wrong revision, a missing parent, ...).</exception>
    /// <exception cref="UnsupportedSessionFormatException">The header is of a format version above 4.</exception>
    public static SessionHistories ReadHistories(string path, SessionReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadKept(path, options, RepairOutput.Histories, cancellationToken).Histories();

    /// <summary>Reads a session of any format from 1 to 4 into the two histories rho 1.47 resumes with, as <see cref="ReadHistories(string, SessionReadOptions?, CancellationToken)"/> does.</summary>
    /// <param name="input">The session's bytes.</param>
    /// <param name="options">Line limit, how unreadable lines are treated and the name used in errors.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The model and display histories, the conversation tree and what the read found.</returns>
    /// <exception cref="SessionFormatException">A line cannot be read, or the records contradict each other.</exception>
    /// <exception cref="UnsupportedSessionFormatException">The header is of a format version above 4.</exception>
    internal static async Task<SessionHistories> ReadHistoriesAsync(Stream input, SessionReadOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= SessionReadOptions.Default;
        var repairer = new TailRepairer(options, RepairOutput.Histories);
        await LinePipeline.RunAsync(new PipeLines(PipeReader.Create(input, PipeOptions(leaveOpen: true)), options, repairer), cancellationToken).ConfigureAwait(false);
        repairer.Complete();
        return repairer.Histories();
    }

    /// <summary>Reads a session file of any format from 1 to 4 into the two histories rho 1.47 resumes with, as <see cref="ReadHistories(string, SessionReadOptions?, CancellationToken)"/> does, as a task.</summary>
    /// <param name="path">The session file.</param>
    /// <param name="options">Line limit and how unreadable lines are treated; the source name defaults to <paramref name="path"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The model and display histories, the conversation tree and what the read found.</returns>
    /// <exception cref="SessionFormatException">A line cannot be read, or the records contradict each other.</exception>
    /// <exception cref="UnsupportedSessionFormatException">The header is of a format version above 4.</exception>
    public static async Task<SessionHistories> ReadHistoriesAsync(string path, SessionReadOptions? options = null, CancellationToken cancellationToken = default) =>
        (await ReadKeptAsync(path, options, RepairOutput.Histories, cancellationToken).ConfigureAwait(false)).Histories();

    /// <summary>Reads a file into kept arrays (<see cref="KeptChunks"/>), with blocking reads, and completes the repair.</summary>
    private static TailRepairer ReadKept(string path, SessionReadOptions? options, RepairOutput output, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SessionReadOptions named = Named(options, path);
        var repairer = new TailRepairer(named, output);
        using (var lines = new KeptChunks(path, named, repairer))
        {
            while (!lines.Pump(cancellationToken))
            {
            }
        }

        repairer.Complete();
        return repairer;
    }

    /// <summary>As <see cref="ReadKept"/>, for the asynchronous overloads: errors come in the task.</summary>
    private static async Task<TailRepairer> ReadKeptAsync(string path, SessionReadOptions? options, RepairOutput output, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SessionReadOptions named = Named(options, path);
        var repairer = new TailRepairer(named, output);
        await LinePipeline.RunAsync(new KeptChunks(path, named, repairer), cancellationToken).ConfigureAwait(false);
        repairer.Complete();
        return repairer;
    }

    /// <summary>
    /// Streams the messages that survive repair, each yielded as soon as that is certain: at once
    /// for most messages, after its last result for a tool turn. After the enumeration ends,
    /// <see cref="SessionMessageStream.Summary"/> reports the repaired length and what was dropped.
    /// </summary>
    /// <param name="input">The session file's bytes. Completed when the enumeration ends.</param>
    /// <param name="options">Limits and the input's name for errors.</param>
    /// <remarks>
    /// A <see cref="SessionFormatException"/> surfaces when the enumeration reaches the bad line's
    /// successor, after the messages before it were yielded.
    /// </remarks>
    public static SessionMessageStream StreamMessagesAsync(PipeReader input, SessionReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new SessionMessageStream(() => input, options ?? SessionReadOptions.Default);
    }

    /// <summary>Streams the messages of a stream, which is left open, that survive repair; see <see cref="StreamMessagesAsync(PipeReader, SessionReadOptions?)"/>.</summary>
    /// <param name="input">The session file's bytes.</param>
    /// <param name="options">Limits and the input's name for errors.</param>
    public static SessionMessageStream StreamMessagesAsync(Stream input, SessionReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new SessionMessageStream(() => PipeReader.Create(input, PipeOptions(leaveOpen: true)), options ?? SessionReadOptions.Default);
    }

    /// <summary>Streams the messages of a file that survive repair; see <see cref="StreamMessagesAsync(PipeReader, SessionReadOptions?)"/>.</summary>
    /// <param name="path">The session file.</param>
    /// <param name="options">Limits; the path names the input in errors unless the options give a name.</param>
    public static SessionMessageStream StreamMessagesAsync(string path, SessionReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new SessionMessageStream(path, Named(options, path));
    }

    /// <summary>
    /// Reads every entry as written, headers included, without any repair: the first torn line,
    /// even the last, is a <see cref="SessionFormatException"/>, and an entry of a format this
    /// version does not read an <see cref="UnsupportedSessionFormatException"/>.
    /// </summary>
    /// <param name="input">The session file's bytes. Completed when the enumeration ends.</param>
    /// <param name="options">Limits and the input's name for errors.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async IAsyncEnumerable<SessionEntry> ReadEntriesAsync(PipeReader input, SessionReadOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= SessionReadOptions.Default;
        var collector = new EntryCollector(options.SourceName);
        await foreach (SessionEntry entry in LinePipeline.Yield(new PipeLines(input, options, collector), collector, cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    /// <summary>Reads every entry of a stream, which is left open; see <see cref="ReadEntriesAsync(PipeReader, SessionReadOptions?, CancellationToken)"/>.</summary>
    /// <param name="input">The session file's bytes.</param>
    /// <param name="options">Limits and the input's name for errors.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static IAsyncEnumerable<SessionEntry> ReadEntriesAsync(Stream input, SessionReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadEntriesAsync(PipeReader.Create(input, PipeOptions(leaveOpen: true)), options, cancellationToken);
    }

    /// <summary>Reads every entry of a file as written; see <see cref="ReadEntriesAsync(PipeReader, SessionReadOptions?, CancellationToken)"/>.</summary>
    /// <param name="path">The session file.</param>
    /// <param name="options">Limits; the path names the input in errors unless the options give a name.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async IAsyncEnumerable<SessionEntry> ReadEntriesAsync(string path, SessionReadOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        await using Stream file = OpenFile(path);
        await foreach (SessionEntry entry in ReadEntriesAsync(PipeReader.Create(file, PipeOptions(leaveOpen: true)), Named(options, path), cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    /// <summary>Opens a session file for one forward pass through a pipe (see <see cref="PipeOptions"/>).</summary>
    internal static Stream OpenFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        // No FileStream buffer: the pipe buffers, and a second copy would only cost time.
        return new InlineReadFileStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan));
    }

    /// <summary>The pipe over a file: 256 KB buffers, so a read is rarely split across segments.</summary>
    internal static StreamPipeReaderOptions PipeOptions(bool leaveOpen) =>
        new(bufferSize: FileBufferSize, minimumReadSize: FileBufferSize / 4, leaveOpen: leaveOpen);

    private static SessionReadOptions Named(SessionReadOptions? options, string path) => (options ?? SessionReadOptions.Default).Named(path);
}
