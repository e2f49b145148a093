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
    // The text as serde_json escapes it, to filter raw lines; and decoded, to find it in a candidate's texts.
    private readonly NeedlePattern? _escaped;
    private readonly NeedlePattern? _decoded;

    /// <summary>Prepares a search for <paramref name="text"/>.</summary>
    /// <param name="text">What to find; not empty.</param>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty.</exception>
    public SessionSearch(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        Text = text;

        // A text with a lone surrogate matches nothing a session holds (serde_json refuses those).
        _escaped = NeedlePattern.Create(text, escaped: true);
        _decoded = NeedlePattern.Create(text, escaped: false);
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
        return _escaped is null || _decoded is null ? [] : SessionFileSearch.Search(path, _escaped, _decoded, missingIsEmpty: false, cancellationToken);
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
        return _escaped is null || _decoded is null ? [] : SearchFiles(files, _escaped, _decoded, cancellationToken);
    }

    private static IEnumerable<SessionSearchHit> SearchFiles(IReadOnlyList<string> files, NeedlePattern escaped, NeedlePattern decoded, CancellationToken cancellationToken)
    {
        foreach (string file in files)
        {
            foreach (SessionSearchHit hit in SessionFileSearch.Search(file, escaped, decoded, missingIsEmpty: true, cancellationToken))
            {
                yield return hit;
            }
        }
    }
}
