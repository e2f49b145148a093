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
        var messages = new List<Message>();
        var repairer = new TailRepairer(options, messages);
        await FeedAsync(input, options, repairer, cancellationToken).ConfigureAwait(false);
        return new SessionReadResult(messages, repairer.Complete());
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
        var messages = new List<Message>();
        TailRepairer repairer = await ReadAsync(path, options, messages, cancellationToken).ConfigureAwait(false);
        return new SessionReadResult(messages, repairer.Summary);
    }

    /// <summary>
    /// Reads the repaired message list from a file synchronously, with blocking reads into one
    /// pooled buffer: the same result as <see cref="ReadMessagesAsync(string, SessionReadOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="path">The session file.</param>
    /// <param name="options">Limits; the path names the input in errors unless the options give a name.</param>
    /// <param name="cancellationToken">Checked between buffers.</param>
    /// <exception cref="SessionFormatException">A line other than the last non-empty one is torn, or a line is too long.</exception>
    /// <exception cref="UnsupportedSessionFormatException">The file is in a format this version does not read.</exception>
    public static SessionReadResult ReadMessages(string path, SessionReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var messages = new List<Message>();
        TailRepairer repairer = Read(path, options, messages, cancellationToken);
        return new SessionReadResult(messages, repairer.Summary);
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
        Read(path, options, new List<Message>(), cancellationToken, histories: true).Histories();

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
        var repairer = new TailRepairer(options, new List<Message>(), histories: true);
        await FeedAsync(PipeReader.Create(input, PipeOptions(leaveOpen: true)), options, repairer, cancellationToken).ConfigureAwait(false);
        repairer.Complete();
        return repairer.Histories();
    }

    /// <summary>Reads a session file of any format from 1 to 4 into the two histories rho 1.47 resumes with, as <see cref="ReadHistories(string, SessionReadOptions?, CancellationToken)"/> does, reading the file asynchronously.</summary>
    /// <param name="path">The session file.</param>
    /// <param name="options">Line limit and how unreadable lines are treated; the source name defaults to <paramref name="path"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The model and display histories, the conversation tree and what the read found.</returns>
    /// <exception cref="SessionFormatException">A line cannot be read, or the records contradict each other.</exception>
    /// <exception cref="UnsupportedSessionFormatException">The header is of a format version above 4.</exception>
    public static async Task<SessionHistories> ReadHistoriesAsync(string path, SessionReadOptions? options = null, CancellationToken cancellationToken = default) =>
        (await ReadAsync(path, options, new List<Message>(), cancellationToken, histories: true).ConfigureAwait(false)).Histories();

    private static TailRepairer Read(string path, SessionReadOptions? options, List<Message> messages, CancellationToken cancellationToken, bool histories = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SessionReadOptions named = Named(options, path);
        var repairer = new TailRepairer(named, messages, histories: histories);
        using FileStream file = OpenKept(path);
        using var splitter = new LineSplitter(named);
        var chunks = new KeptChunks(file.Length, repairer, named.MaxDecodeThreads);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int read = file.Read(chunks.Space().Span);
            chunks.Split(read, splitter);
            if (read == 0)
            {
                repairer.Complete();
                return repairer;
            }
        }
    }

    /// <summary>As <see cref="Read(string, SessionReadOptions?, List{Message}, CancellationToken, bool)"/>, with the file read asynchronously.</summary>
    private static async Task<TailRepairer> ReadAsync(string path, SessionReadOptions? options, List<Message> messages, CancellationToken cancellationToken, bool histories = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SessionReadOptions named = Named(options, path);
        var repairer = new TailRepairer(named, messages, histories: histories);
        await using Stream file = OpenFile(path);
        using var splitter = new LineSplitter(named);
        var chunks = new KeptChunks(file.Length, repairer, named.MaxDecodeThreads);
        while (true)
        {
            int read = await file.ReadAsync(chunks.Space(), cancellationToken).ConfigureAwait(false);
            chunks.Split(read, splitter);
            if (read == 0)
            {
                repairer.Complete();
                return repairer;
            }
        }
    }

    /// <summary>A file for one forward pass into arrays of the caller's (no buffer of its own).</summary>
    private static FileStream OpenKept(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);

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
        var ready = new List<SessionEntry>();
        await foreach (SessionEntry entry in Drive(input, options, new EntryCollector(options.SourceName, ready), ready, null, cancellationToken).ConfigureAwait(false))
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

    internal static IAsyncEnumerable<Message> Stream(PipeReader input, SessionReadOptions options, SessionMessageStream owner, CancellationToken cancellationToken)
    {
        var ready = new List<Message>();
        var repairer = new TailRepairer(options, ready, streaming: true);
        return Drive(input, options, repairer, ready, () => owner.Summary = repairer.Complete(), cancellationToken);
    }

    /// <summary>
    /// Streams a file's messages as <see cref="Stream"/> does, reading into one reused buffer whose
    /// lines are decoded on up to <see cref="SessionReadOptions.MaxDecodeThreads"/> threads. Text
    /// is copied out of the buffer (into slabs), so memory stays bounded by what the caller keeps.
    /// </summary>
    internal static async IAsyncEnumerable<Message> StreamFile(string path, SessionReadOptions options, SessionMessageStream owner, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ready = new List<Message>();
        var repairer = new TailRepairer(options, ready, streaming: true);
        var batch = new LineBatch(repairer, options.MaxDecodeThreads);
        using var splitter = new LineSplitter(options);
        await using Stream file = OpenFile(path);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(KeptChunks.ChunkSize);
        try
        {
            int filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // A line longer than the buffer: grow it (the splitter refuses past the line limit).
                    byte[] larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = await file.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                filled += read;
                int consumed = batch.Split(splitter, buffer, 0, filled, read == 0, kept: false);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                if (read == 0)
                {
                    owner.Summary = repairer.Complete();
                }

                foreach (Message message in ready)
                {
                    yield return message;
                }

                ready.Clear();
                if (read == 0)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Feeds the pipe's lines to <paramref name="sink"/> and yields what it makes ready after each read.</summary>
    private static async IAsyncEnumerable<T> Drive<T>(
        PipeReader input, SessionReadOptions options, ILineSink sink, List<T> ready, Action? complete, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var splitter = new LineSplitter(options);
        try
        {
            while (true)
            {
                ReadResult read = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
                SequencePosition consumed = splitter.Split(read.Buffer, read.IsCompleted, sink);
                input.AdvanceTo(consumed, read.Buffer.End);
                if (read.IsCompleted)
                {
                    complete?.Invoke();
                }

                foreach (T item in ready)
                {
                    yield return item;
                }

                ready.Clear();
                if (read.IsCompleted)
                {
                    break;
                }
            }
        }
        finally
        {
            splitter.Dispose();
            await input.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Feeds every line of <paramref name="input"/> to <paramref name="sink"/>, then completes the pipe.</summary>
    internal static async Task FeedAsync(PipeReader input, SessionReadOptions options, ILineSink sink, CancellationToken cancellationToken)
    {
        // The sink keeps what it needs; nothing is yielded.
        await foreach (object _ in Drive(input, options, sink, new List<object>(0), null, cancellationToken).ConfigureAwait(false))
        {
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
