using System;
using System.Collections.Generic;
using System.IO;

namespace Rho.Fast.Cli;

/// <summary>Turns a command's FILE|ID-PREFIX argument into a session file path.</summary>
internal static class SessionLocator
{
    // Candidates named in one line when a prefix is ambiguous; the rest are counted.
    private const int ListedMatches = 10;

    /// <summary>An existing file as given; otherwise an id prefix among the sessions of <paramref name="cwd"/>.</summary>
    /// <exception cref="UsageException">
    /// The target looks like a path and is no file, or no session, or several, match the prefix: the
    /// message names the folder searched and the candidates.
    /// </exception>
    /// <exception cref="SessionStoreException">No root given and <c>HOME</c> is not set.</exception>
    public static string Resolve(string target, string? root, string? cwd)
    {
        if (File.Exists(target))
        {
            return Path.GetFullPath(target);
        }

        if (Directory.Exists(target) || target.Contains('/') || target.Contains(Path.DirectorySeparatorChar) || target.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            throw new UsageException(InputFiles.Problem(target)!);
        }

        SessionStore store = CommonOptions.Store(root);
        string workspace = CommonOptions.Workspace(cwd);
        string folder = store.WorkspaceDirectory(workspace);
        try
        {
            return store.FindByIdPrefix(workspace, target);
        }
        catch (SessionLookupException e)
        {
            throw new UsageException(Describe(e, store.Root, folder, workspace));
        }
    }

    /// <summary>The lookup's failure, with the folder searched and, when several match, their file names.</summary>
    private static string Describe(SessionLookupException e, string root, string folder, string workspace)
    {
        // The store looks in the workspace first and elsewhere only when nothing there matches.
        bool inWorkspace = e.Matches.Count > 0 && e.Matches[0].StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        string here = " in " + folder + " (the sessions of " + workspace + ")";
        string where = e.Matches.Count == 0 ? here + ", then in every workspace under " + root
            : inWorkspace ? here
            : " in the workspaces under " + root;
        if (e.Matches.Count == 0)
        {
            return "no session found matching '" + e.Prefix + "'" + where;
        }

        var all = new List<string>(e.Matches.Count);
        foreach (string match in e.Matches)
        {
            // Relative to where they were found: a folder session's file is always session.jsonl.
            all.Add(Path.GetRelativePath(inWorkspace ? folder : root, match));
        }

        all.Sort(StringComparer.Ordinal);
        List<string> names = all.GetRange(0, int.Min(all.Count, ListedMatches));

        if (e.Matches.Count > ListedMatches)
        {
            names.Add("and " + (e.Matches.Count - ListedMatches) + " more");
        }

        return e.Matches.Count + " sessions match '" + e.Prefix + "'" + where + ": " + string.Join(", ", names) + "; use a longer id prefix";
    }
}
