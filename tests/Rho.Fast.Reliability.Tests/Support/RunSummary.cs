using System;
using System.IO;
using Xunit.Abstractions;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// The one-line results the reliability document quotes: written to the test output and appended
/// to <c>reliability-summary.txt</c> next to the test assembly.
/// </summary>
internal static class RunSummary
{
    private static readonly object Gate = new();

    public static string FilePath { get; } = Path.Combine(AppContext.BaseDirectory, "reliability-summary.txt");

    public static void Write(ITestOutputHelper output, string line)
    {
        string stamped = DateTimeOffset.UtcNow.ToString("u") + (LongRun.Enabled ? " [long] " : " ") + line;
        output.WriteLine(line);
        lock (Gate)
        {
            File.AppendAllText(FilePath, stamped + Environment.NewLine);
        }
    }
}
