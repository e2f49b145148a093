using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast;

public static partial class SessionReader
{
    /// <summary>
    /// Follows a session file that is being written: yields every complete entry already in it,
    /// headers included, then each entry as a writer appends it, in file order and each once, until
    /// <paramref name="cancellationToken"/> is cancelled. Entries are yielded as written, with no
    /// repair: a tool turn is not held back until its results arrive.
    /// </summary>
    /// <param name="path">The session file. It must exist when the enumeration starts.</param>
    /// <param name="options">The poll interval, the line limit, a name for errors, and where skipped entries are reported.</param>
    /// <param name="cancellationToken">Ends the enumeration; so does the token given to <c>WithCancellation</c>.</param>
    /// <returns>The entries; the file is opened when the enumeration starts and closed when it ends.</returns>
    /// <remarks>
    /// <para>
    /// <b>Lines.</b> A line is read only once its <c>\n</c> is there: a last line without one is a
    /// line still being written (or a torn write), and is waited on, never reported; when the
    /// follow is cancelled, nothing is said about it. Lines are classified as every read does:
    /// blank lines are skipped; a complete entry this version cannot read (a newer writer's) is
    /// skipped and passed to <see cref="SessionFollowOptions.OnUnknownEntry"/>; a first header
    /// naming another format version is an <see cref="UnsupportedSessionFormatException"/>; any
    /// other complete line that is not an entry is a <see cref="SessionFormatException"/> naming
    /// the file, line and byte offset, thrown after the entries before it were yielded.
    /// </para>
    /// <para>
    /// <b>Waiting.</b> The file is looked at again every <see cref="SessionFollowOptions.PollInterval"/>
    /// when it had nothing new (100 ms by default), and read on at once while it has. Nothing runs
    /// between looks. Memory is bounded by the longest line: the file is never kept.
    /// </para>
    /// <para>
    /// <b>Resume, repair and salvage.</b> Resume and repair cut a torn last line and append after
    /// it: the bytes held of the incomplete line are dropped and read afresh, also when the file
    /// has grown past them again, since bytes read earlier are checked before new ones are joined
    /// to them. Salvage renames a rewritten file over the path: the change of file is noticed (on
    /// Linux by device and inode; elsewhere by the path's length differing from the open file's),
    /// and the new file is followed from the same offset once its bytes up to there are checked to
    /// be exactly those already read, which the old file, still open, holds. So no entry is
    /// yielded twice and none is skipped. If the path names no file for a while, the open file is
    /// followed until one is there again.
    /// </para>
    /// <para>
    /// <b>Rewritten files.</b> When what was read is no longer there (the file is shorter than the
    /// bytes already read, the file put in its place begins differently, or the bytes just before
    /// the followed position changed in place), an entry already yielded may be gone, so the
    /// enumeration ends with a <see cref="SessionFormatException"/> saying the file was rewritten.
    /// </para>
    /// <para>
    /// <b>Ending.</b> Following never ends by itself. Cancelling the token ends the wait at once
    /// and the enumeration throws <see cref="OperationCanceledException"/>, the convention of
    /// asynchronous enumerations; breaking out of the <c>await foreach</c> ends it too. Either
    /// closes the file.
    /// </para>
    /// </remarks>
    /// <exception cref="FileNotFoundException">The file does not exist (when the enumeration starts).</exception>
    /// <exception cref="SessionFormatException">A complete line is not an entry, a line is longer than the limit, or the file was rewritten.</exception>
    /// <exception cref="UnsupportedSessionFormatException">The file's header names a format version this version does not read.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static IAsyncEnumerable<SessionEntry> FollowAsync(string path, SessionFollowOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Follow(path, options ?? SessionFollowOptions.Default, cancellationToken);
    }

    private static async IAsyncEnumerable<SessionEntry> Follow(string path, SessionFollowOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var follower = new SessionFollower(path, options);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool read = follower.Poll();
            IReadOnlyList<SessionEntry> ready = follower.Ready;
            for (int i = 0; i < ready.Count; i++)
            {
                yield return ready[i];
            }

            follower.ThrowIfFailed();
            if (!read)
            {
                await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
