using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Rho.Fast.Tests;

/// <summary>
/// Finds the serde_json test vectors: the folder named by <c>RHO_FAST_VECTORS</c>, else
/// <c>../shared/vectors</c> next to the repository (which may hold more), else the repository's own
/// copy in <c>tests/vectors</c>.
/// </summary>
internal static class Vectors
{
    public static string Directory { get; } = Locate();

    /// <summary>
    /// Every session file with a reference reading (<c>*.jsonl</c> at the top and in <c>edge/</c>,
    /// as the vectors' README says), by name relative to the vectors folder. The other folders hold
    /// files of other kinds, with their own expectations.
    /// </summary>
    public static IEnumerable<object[]> SessionFiles() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.jsonl")
            .Concat(System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "edge"), "*.jsonl"))
            .Select(path => Path.GetRelativePath(Directory, path).Replace('\\', '/'))
            .OrderBy(name => name, StringComparer.Ordinal)
            .Select(name => new object[] { name });

    public static string PathOf(string name) => Path.Combine(Directory, name);

    private static string Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("RHO_FAST_VECTORS");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Rho.Fast.sln")))
            {
                string shared = Path.GetFullPath(Path.Combine(dir, "..", "shared", "vectors"));
                return System.IO.Directory.Exists(shared) ? shared : Path.Combine(dir, "tests", "vectors");
            }
        }

        throw new InvalidOperationException("Rho.Fast.sln was not found above " + AppContext.BaseDirectory + "; set RHO_FAST_VECTORS to the vectors folder.");
    }
}
