using System;
using System.Collections.Generic;
using System.Threading;

namespace Rho.Fast;

/// <summary>
/// Finds a text in session files, ignoring case (<see cref="StringComparison.OrdinalIgnoreCase"/>:
/// Unicode simple case mapping), in the decoded text of messages: system prompts, user and
/// assistant text, tool output, and the string values of tool-call arguments; never in JSON keys,
/// syntax, ids or tool names. One hit per message, at its first match.
/// </summary>
/// <remarks>
/// Files are scanned as raw bytes with a SIMD filter, and only lines it cannot rule out are
/// parsed, so a search reads at about the speed of the disk cache. Text escaped in a way serde_json
/// never writes (<c>\u00e9</c> for <c>é</c>) is found too: such lines are decoded. A line that does
/// not parse (a torn last line) has nothing to find. Create one search and use it for many files.
/// </remarks>
public sealed class SessionSearch
{
    private readonly NeedlePattern? _pattern;

    /// <summary>Prepares a search for <paramref name="text"/>.</summary>
    /// <param name="text">What to find; not empty.</param>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty.</exception>
    public SessionSearch(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        Text = text;

        // A text with a lone surrogate matches nothing a session holds (serde_json refuses those).
        _pattern = NeedlePattern.Create(text);
    }

    /// <summary>The text searched for.</summary>
    public string Text { get; }

    /// <summary>The messages of one session file that contain the text, in file order, found as the file is read.</summary>
    /// <param name="path">A session file.</param>
    /// <param name="cancellationToken">Stops the search between chunks of the file.</param>
    /// <exception cref="System.IO.IOException">The file cannot be read (when enumerated).</exception>
    public IEnumerable<SessionSearchHit> SearchFile(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return _pattern is null ? [] : SessionFileSearch.Search(path, Text, _pattern, missingIsEmpty: false, cancellationToken);
    }

    /// <summary>
    /// The messages containing the text in the sessions of <paramref name="cwd"/>'s workspace, or of
    /// every workspace when <paramref name="cwd"/> is <see langword="null"/>: newest session first,
    /// each in file order.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="cwd">An absolute working directory, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Stops the search between chunks of a file.</param>
    public IEnumerable<SessionSearchHit> SearchStore(SessionStore store, string? cwd, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        IReadOnlyList<string> files = store.SessionFilesNewestFirst(cwd);
        return _pattern is null ? [] : SearchFiles(files, _pattern, cancellationToken);
    }

    private IEnumerable<SessionSearchHit> SearchFiles(IReadOnlyList<string> files, NeedlePattern pattern, CancellationToken cancellationToken)
    {
        foreach (string file in files)
        {
            foreach (SessionSearchHit hit in SessionFileSearch.Search(file, Text, pattern, missingIsEmpty: true, cancellationToken))
            {
                yield return hit;
            }
        }
    }
}
