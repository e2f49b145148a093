using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Rho.Fast.Tests;

/// <summary>Finds the serde_json test vectors shared next to the repository.</summary>
internal static class Vectors
{
    public static string Directory { get; } = Locate();

    /// <summary>Every session file of the vectors, by name relative to the vectors folder.</summary>
    public static IEnumerable<object[]> SessionFiles() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.jsonl", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Directory, path))
            .OrderBy(name => name, StringComparer.Ordinal)
            .Select(name => new object[] { name });

    public static string PathOf(string name) => Path.Combine(Directory, name);

    private static string Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("RHO_FAST_VECTORS");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Rho.Fast.sln")))
            {
                string vectors = Path.GetFullPath(Path.Combine(dir, "..", "shared", "vectors"));
                if (System.IO.Directory.Exists(vectors))
                {
                    return vectors;
                }
            }
        }

        throw new InvalidOperationException("The shared test vectors were not found: expected ../shared/vectors next to the repository, or set RHO_FAST_VECTORS.");
    }
}
