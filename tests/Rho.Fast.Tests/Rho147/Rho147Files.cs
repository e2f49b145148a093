using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Rho.Fast.Tests.Rho147;

/// <summary>The session files rho 1.47 wrote, with the histories its own reader rebuilds from each.</summary>
internal static class Rho147Files
{
    public static string Directory { get; } = Path.Combine(Vectors.Directory, "rho-1.47");

    /// <summary>Every session file (rho's fixtures and <c>generated/</c>), by name relative to <see cref="Directory"/>.</summary>
    public static IEnumerable<object[]> Sessions() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.jsonl", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".model.jsonl", StringComparison.Ordinal) && !path.EndsWith(".display.jsonl", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(Directory, path).Replace('\\', '/'))
            .OrderBy(name => name, StringComparer.Ordinal)
            .Select(name => new object[] { name });

    public static string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>The model (<c>.model.jsonl</c>) or display (<c>.display.jsonl</c>) history of a session file.</summary>
    public static string Expected(string name, string history) => PathOf(name[..^".jsonl".Length] + "." + history + ".jsonl");
}
