using System;
using System.IO;

namespace Rho.Fast.Cli;

/// <summary>Turns a command's FILE|ID-PREFIX argument into a session file path.</summary>
internal static class SessionLocator
{
    /// <summary>An existing file as given; otherwise an id prefix among the sessions of <paramref name="cwd"/>.</summary>
    /// <exception cref="FileNotFoundException">The target looks like a path and there is no such file.</exception>
    /// <exception cref="SessionLookupException">No session, or several, match the prefix.</exception>
    /// <exception cref="SessionStoreException">No root given and <c>HOME</c> is not set.</exception>
    public static string Resolve(string target, string? root, string? cwd)
    {
        if (File.Exists(target))
        {
            return Path.GetFullPath(target);
        }

        if (target.Contains('/') || target.Contains(Path.DirectorySeparatorChar) || target.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            throw new FileNotFoundException("no such file: " + target, target);
        }

        SessionStore store = CommonOptions.Store(root);
        string workspace = CommonOptions.Workspace(cwd);

        // The store's lookup creates the workspace folder; a read should leave no trace.
        if (!Directory.Exists(store.WorkspaceDirectory(workspace)))
        {
            throw new SessionLookupException(target, []);
        }

        return store.FindByIdPrefix(workspace, target);
    }
}
