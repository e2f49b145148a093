using System;
using System.Collections.Generic;

namespace Rho.Fast;

/// <summary>The store cannot be used as configured: <c>HOME</c> unset, a root that is a file, a workspace folder that is a symbolic link.</summary>
public sealed class SessionStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public SessionStoreException(string message) : base(message)
    {
    }
}

/// <summary>Opening by id prefix found no session, or more than one.</summary>
public sealed class SessionLookupException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="prefix">The prefix looked up.</param>
    /// <param name="matches">The files that matched (none, or several).</param>
    public SessionLookupException(string prefix, IReadOnlyList<string> matches)
        : base(matches.Count == 0
            ? "no session found matching '" + prefix + "'"
            : "multiple sessions match '" + prefix + "'; use a longer UUID prefix")
    {
        Prefix = prefix;
        Matches = matches;
    }

    /// <summary>The prefix looked up.</summary>
    public string Prefix { get; }

    /// <summary>The session files that matched: empty when none did.</summary>
    public IReadOnlyList<string> Matches { get; }
}
