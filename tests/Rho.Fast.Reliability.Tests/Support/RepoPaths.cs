using System;
using System.IO;

namespace Rho.Fast.Reliability.Tests;

/// <summary>Where the repository's files are, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The vectors written by the Rust reference: <c>RHO_FAST_VECTORS</c>, else <c>../shared/vectors</c>
    /// next to the repository (which may hold more), else the repository's own copy in <c>tests/vectors</c>.
    /// </summary>
    public static string Vectors { get; } = LocateVectors();

    /// <summary>The regression inputs in the source tree, where a failing fuzz case is saved.</summary>
    public static string Regressions { get; } = Path.Combine(Root, "tests", "Rho.Fast.Reliability.Tests", "Regressions");

    private static string LocateVectors()
    {
        if (Environment.GetEnvironmentVariable("RHO_FAST_VECTORS") is { Length: > 0 } vectors)
        {
            return Path.GetFullPath(vectors);
        }

        string shared = Path.GetFullPath(Path.Combine(Root, "..", "shared", "vectors"));
        return Directory.Exists(shared) ? shared : Path.Combine(Root, "tests", "vectors");
    }

    private static string FindRoot()
    {
        for (string? directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Rho.Fast.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("Rho.Fast.sln not found above " + AppContext.BaseDirectory);
    }
}
