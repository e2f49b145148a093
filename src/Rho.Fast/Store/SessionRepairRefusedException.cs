using System;

namespace Rho.Fast;

/// <summary>
/// A repair that would remove or hide bytes a writer completed, or that was asked of a file that is
/// not a session, was refused: the file is left exactly as it was. Says why and what would help.
/// </summary>
public sealed class SessionRepairRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file that was left unchanged.</param>
    /// <param name="lineNumber">The 1-based line the refusal is about, or 0 when it is about the whole file.</param>
    /// <param name="reason">Why, and what to do instead.</param>
    public SessionRepairRefusedException(string path, long lineNumber, string reason)
        : base(path + ": " + (lineNumber > 0 ? "line " + lineNumber + ": " : "") + reason + "; the file is left unchanged")
    {
        Path = path;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>The file that was left unchanged.</summary>
    public string Path { get; }

    /// <summary>The 1-based line the refusal is about, or 0 when it is about the whole file.</summary>
    public long LineNumber { get; }

    /// <summary>Why, without the location.</summary>
    public string Reason { get; }
}
