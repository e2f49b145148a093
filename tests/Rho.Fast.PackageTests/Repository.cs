using System;
using System.IO;

namespace Rho.Fast.PackageTests;

/// <summary>The repository the tests pack, found above the test assembly's folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Rho.Fast.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("Rho.Fast.sln was not found above " + AppContext.BaseDirectory);
    }
}
