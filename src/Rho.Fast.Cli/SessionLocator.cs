using System.IO;

namespace Rho.Fast.Cli;

/// <summary>Turns a command's FILE|ID-PREFIX argument into a session file path.</summary>
internal static class SessionLocator
{
    /// <summary>An existing file as given; otherwise an id prefix in the current directory's workspace.</summary>
    public static string Resolve(string target, string? root)
    {
        if (File.Exists(target))
        {
            return Path.GetFullPath(target);
        }

        SessionStore store = root is null ? SessionStore.OpenDefault() : new SessionStore(root);
        return store.FindByIdPrefix(Directory.GetCurrentDirectory(), target);
    }
}
