using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast;

/// <summary>
/// Session files laid out as rho lays them out: <c>&lt;root&gt;/&lt;workspace key&gt;/&lt;unix
/// seconds&gt;_&lt;uuid&gt;.jsonl</c>, directories <c>0700</c> and files <c>0600</c>, enforced on
/// every create and open; sessions in rho 1.47's folders (<c>&lt;unix seconds&gt;_&lt;uuid&gt;/session.jsonl</c>)
/// are found and listed too. Create, resume by id prefix (this workspace first, then every
/// workspace), and list sessions of a working directory.
/// </summary>
public sealed class SessionStore
{
    // rho 1.47 keeps each new session in a folder of its own, with this transcript in it.
    private const string FolderSessionFile = "session.jsonl";

    /// <summary>Creates a store rooted at <paramref name="root"/>.</summary>
    /// <param name="root">The sessions folder; created on first use.</param>
    public SessionStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The sessions folder.</summary>
    public string Root { get; }

    /// <summary>The store rho uses: <c>$HOME/.rho/sessions</c>.</summary>
    /// <exception cref="SessionStoreException"><c>HOME</c> is not set.</exception>
    public static SessionStore OpenDefault() => new(DefaultRoot());

    /// <summary><c>$HOME/.rho/sessions</c>.</summary>
    /// <exception cref="SessionStoreException"><c>HOME</c> is not set.</exception>
    public static string DefaultRoot()
    {
        string? home = Environment.GetEnvironmentVariable("HOME");
        if (string.IsNullOrEmpty(home))
        {
            throw new SessionStoreException("HOME is not set; set it, or give the store a root folder explicitly");
        }

        return Path.Combine(home, ".rho", "sessions");
    }

    /// <summary>The folder holding the sessions of <paramref name="cwd"/> (it may not exist yet).</summary>
    /// <param name="cwd">An absolute working directory.</param>
    public string WorkspaceDirectory(string cwd) => Path.Combine(Root, WorkspaceKey.For(CheckCwd(cwd)));

    /// <summary>Creates a new session for <paramref name="cwd"/>, writes its header durably, and records it in Rho.Fast's session index.</summary>
    /// <param name="cwd">An absolute working directory.</param>
    /// <returns>The session, open for appends; dispose it when done.</returns>
    public Session Create(string cwd)
    {
        string directory = EnsureWorkspaceDirectory(cwd);
        Session session = Session.Create(directory, cwd);
        SessionIndex.RecordCreated(Root, cwd, session.Path);
        return session;
    }

    /// <summary>
    /// Opens the one session of <paramref name="cwd"/> whose id starts with <paramref name="idPrefix"/>,
    /// reads its repaired history, and makes the file continue cleanly so appends are never lost to
    /// a later repair, without removing anything a writer completed: a torn last line is cut off
    /// (its bytes appended to <c>&lt;file&gt;.dropped</c> first), and a tool turn the file ends
    /// inside is answered with a failed result per unanswered call (see <see cref="SessionRepair"/>).
    /// </summary>
    /// <param name="cwd">An absolute working directory.</param>
    /// <param name="idPrefix">A prefix of the session id.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="SessionLookupException">No session, or several, match the prefix.</exception>
    /// <exception cref="SessionFormatException">The file is corrupt before its last line; it is left unchanged.</exception>
    /// <exception cref="UnsupportedSessionFormatException">The file is in a format this version does not read (a newer rho's); it is left unchanged.</exception>
    /// <exception cref="SessionRepairRefusedException">Continuing would hide complete entries (see the message); the file is left unchanged.</exception>
    public ResumedSession Resume(string cwd, string idPrefix, CancellationToken cancellationToken = default)
    {
        string path = FindByIdPrefix(cwd, idPrefix);

        // Opening for append enforces the private modes, as creating does, whatever they had become.
        EnsureWorkspaceDirectory(cwd);
        return SessionResume.Resume(path, IdOf(path)!, byPath: false, force: false, options: null, cancellationToken);
    }

    /// <summary>
    /// <see cref="Resume"/> as a task. It completes before it returns: a regular file's reads and
    /// writes wait only on the disk, so there is nothing to await.
    /// </summary>
    /// <param name="cwd">An absolute working directory.</param>
    /// <param name="idPrefix">A prefix of the session id.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public Task<ResumedSession> ResumeAsync(string cwd, string idPrefix, CancellationToken cancellationToken = default) =>
        Completed.Run(() => Resume(cwd, idPrefix, cancellationToken), cancellationToken);

    /// <summary>Reads the repaired history of the one session matching <paramref name="idPrefix"/>, changing nothing.</summary>
    /// <param name="cwd">An absolute working directory.</param>
    /// <param name="idPrefix">A prefix of the session id.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public Task<SessionReadResult> ReadAsync(string cwd, string idPrefix, CancellationToken cancellationToken = default) =>
        SessionReader.ReadMessagesAsync(FindByIdPrefix(cwd, idPrefix), cancellationToken: cancellationToken);

    /// <summary>
    /// The path of the one session whose id starts with <paramref name="idPrefix"/>, looked up as
    /// rho does: in the sessions of <paramref name="cwd"/> first, then, when none there matches, in
    /// every workspace of the store. Both of rho's layouts are found: a folder
    /// <c>&lt;created&gt;_&lt;id&gt;/session.jsonl</c>, and a flat <c>&lt;created&gt;_&lt;id&gt;.jsonl</c>.
    /// </summary>
    /// <param name="cwd">An absolute working directory.</param>
    /// <param name="idPrefix">A prefix of the session id.</param>
    /// <exception cref="SessionLookupException">No session, or several in the first place that has any, match the prefix.</exception>
    public string FindByIdPrefix(string cwd, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(idPrefix);
        string directory = CheckedWorkspaceDirectory(cwd);
        var matches = new List<string>();
        AddMatches(directory, idPrefix, matches);
        if (matches.Count == 0 && Directory.Exists(Root))
        {
            foreach (string workspace in Directory.EnumerateDirectories(Root))
            {
                if (!string.Equals(workspace, directory, StringComparison.Ordinal))
                {
                    AddMatches(workspace, idPrefix, matches);
                }
            }
        }

        matches.Sort(StringComparer.Ordinal);
        return matches.Count == 1 ? matches[0] : throw new SessionLookupException(idPrefix, matches);
    }

    /// <summary>
    /// The sessions of <paramref name="cwd"/>, in both layouts, in rho's order: last updated first,
    /// then last created, then by id. They come from the session index: rho's
    /// <c>&lt;root&gt;/index.sqlite3</c> where it has a row that still matches the file (it is only
    /// ever read), else Rho.Fast's <c>&lt;root&gt;/rho-fast-index.sqlite3</c> in the same schema,
    /// else the file is read and the summary kept in Rho.Fast's index. A row whose file changed
    /// size or modification time is never trusted; a damaged index of Rho.Fast's is rebuilt.
    /// </summary>
    /// <param name="cwd">An absolute working directory.</param>
    /// <exception cref="SessionStoreException">SQLite's native library, which the index needs, cannot be loaded.</exception>
    public IReadOnlyList<SessionInfo> List(string cwd) => SessionIndex.ListWorkspace(Root, CheckCwd(cwd));

    /// <summary>The sessions of every workspace of the store, as <see cref="List"/> gives those of one.</summary>
    /// <exception cref="SessionStoreException">SQLite's native library, which the index needs, cannot be loaded.</exception>
    public IReadOnlyList<SessionInfo> ListAll() => SessionIndex.ListAll(Root);

    /// <summary>
    /// The session files of <paramref name="cwd"/>'s workspace, or of every workspace when it is
    /// <see langword="null"/>, in both layouts, newest first.
    /// </summary>
    internal IReadOnlyList<string> SessionFilesNewestFirst(string? cwd)
    {
        var sessions = new List<(string Path, DateTimeOffset Created)>();
        IEnumerable<string> workspaces = cwd is not null ? [WorkspaceDirectory(cwd)]
            : Directory.Exists(Root) ? Directory.EnumerateDirectories(Root) : [];
        foreach (string workspace in workspaces)
        {
            foreach (string path in SessionFilesIn(workspace))
            {
                sessions.Add((path, CreatedOf(path)));
            }
        }

        sessions.Sort(static (a, b) => b.Created != a.Created ? b.Created.CompareTo(a.Created) : string.CompareOrdinal(b.Path, a.Path));
        var paths = new string[sessions.Count];
        for (int i = 0; i < paths.Length; i++)
        {
            paths[i] = sessions[i].Path;
        }

        return paths;
    }

    /// <summary>
    /// The session id a path names: the part after the last <c>_</c> of the session's name, which is
    /// the folder's name for a <c>session.jsonl</c> in a session folder, else the <c>.jsonl</c> file's stem.
    /// </summary>
    /// <param name="path">A file path.</param>
    /// <returns>The id, or <see langword="null"/> when the path is not a session's.</returns>
    public static string? IdOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string? name = UnitName(path);
        int underscore = name?.LastIndexOf('_') ?? -1;
        return underscore < 0 ? null : name![(underscore + 1)..];
    }

    /// <summary>The session's name: its folder's for a folder session, its file's stem for a flat one.</summary>
    private static string? UnitName(string path)
    {
        string name = Path.GetFileName(path);
        if (name == FolderSessionFile)
        {
            return Path.GetFileName(Path.GetDirectoryName(path));
        }

        return name.EndsWith(".jsonl", StringComparison.Ordinal) ? name[..^".jsonl".Length] : null;
    }

    /// <summary>The session files of one workspace folder, flat and in session folders; nothing when it does not exist.</summary>
    private static IEnumerable<string> SessionFilesIn(string directory)
    {
        if (!Directory.Exists(directory))
        {
            // A lookup creates nothing: no folder means no session.
            yield break;
        }

        foreach (string path in Directory.EnumerateFiles(directory, "*.jsonl"))
        {
            if (IdOf(path) is not null)
            {
                yield return path;
            }
        }

        foreach (string folder in Directory.EnumerateDirectories(directory))
        {
            string path = Path.Combine(folder, FolderSessionFile);
            if (File.Exists(path) && IdOf(path) is not null)
            {
                yield return path;
            }
        }
    }

    private static void AddMatches(string directory, string idPrefix, List<string> matches)
    {
        foreach (string path in SessionFilesIn(directory))
        {
            if (IdOf(path)!.StartsWith(idPrefix, StringComparison.Ordinal))
            {
                matches.Add(path);
            }
        }
    }

    /// <summary>When a session was created, from its name (<c>&lt;created&gt;_&lt;id&gt;</c>), else its file's last write.</summary>
    private static DateTimeOffset CreatedOf(string path)
    {
        string name = UnitName(path) ?? "";
        int underscore = name.IndexOf('_');
        return underscore > 0 && long.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : new DateTimeOffset(File.GetLastWriteTimeUtc(path));
    }

    private string EnsureWorkspaceDirectory(string cwd)
    {
        string directory = CheckedWorkspaceDirectory(cwd);
        DurableFile.EnsurePrivateDirectory(Root);
        DurableFile.EnsurePrivateDirectory(directory);
        return directory;
    }

    /// <summary>The workspace folder, after refusing a root that is a file or a folder that is a symbolic link.</summary>
    private string CheckedWorkspaceDirectory(string cwd)
    {
        string directory = WorkspaceDirectory(cwd);
        if (File.Exists(Root))
        {
            throw new SessionStoreException("The session root '" + Root + "' is a file, not a folder");
        }

        if (new DirectoryInfo(directory).LinkTarget is not null)
        {
            // Following it would put private sessions wherever the link points, with its permissions.
            throw new SessionStoreException("The workspace folder '" + directory + "' is a symbolic link; Rho.Fast refuses to follow it. Replace it with a real folder.");
        }

        return directory;
    }

    private static string CheckCwd(string cwd)
    {
        ArgumentException.ThrowIfNullOrEmpty(cwd);
        if (!Path.IsPathFullyQualified(cwd))
        {
            throw new ArgumentException("The working directory must be an absolute path, got '" + cwd + "'", nameof(cwd));
        }

        return cwd;
    }
}
