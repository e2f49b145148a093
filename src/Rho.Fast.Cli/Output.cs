using System;
using System.IO;

namespace Rho.Fast.Cli;

/// <summary>Raw UTF-8 output: session bytes go to stdout unchanged, not through a text encoder.</summary>
internal static class Output
{
    /// <summary>Standard output as a buffered byte stream; flush before exiting.</summary>
    public static Stream OpenStdout() => new BufferedStream(Console.OpenStandardOutput(), 1 << 16);

    /// <summary>One line of text on standard error, for a user's mistake: no stack trace.</summary>
    public static int Fail(string message, int exitCode = 2)
    {
        Console.Error.WriteLine("rho-fast: " + message);
        return exitCode;
    }
}
