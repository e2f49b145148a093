using System;

namespace Rho.Fast.Cli;

/// <summary>
/// Where a problem is, the same way in every command: the line number, the byte offset of the
/// line's first byte, and, where the reader knows it, the 1-based column (in bytes) of the problem
/// within the line.
/// </summary>
internal static class Locations
{
    // The library's advice for a line over the limit names its option, which the command line sets with --max-line-length.
    private const string LibraryAdvice = "raise SessionReadOptions.MaxLineLength";
    private const string CliAdvice = "give --max-line-length BYTES";

    /// <summary>"line 12 (byte offset 33571, column 7810)".</summary>
    public static string Where(SessionFormatException error) =>
        "line " + error.LineNumber + " (byte offset " + error.LineOffset + ", column " + (error.ByteOffset - error.LineOffset + 1) + ")";

    /// <summary>"line 12 (byte offset 33571)".</summary>
    public static string Where(SessionLineIssue line) => "line " + line.LineNumber + " (byte offset " + line.ByteOffset + ")";

    /// <summary>"line 12 (byte offset 33571)".</summary>
    public static string Where(UnsupportedSessionFormatException error) => "line " + error.LineNumber + " (byte offset " + error.LineOffset + ")";

    /// <summary>What is wrong, with advice a command line user can follow.</summary>
    public static string Reason(SessionFormatException error) => error.Reason.Replace(LibraryAdvice, CliAdvice, StringComparison.Ordinal);

    /// <summary>"FILE: line 12 (byte offset 33571, column 7810): reason".</summary>
    public static string Describe(SessionFormatException error) => (error.SourceName ?? "<input>") + ": " + Where(error) + ": " + Reason(error);
}
