using System;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace Rho.Fast.PackageTests;

/// <summary>Rho.Fast packed once, with <c>dotnet pack</c>, into a temp folder shared by one class's tests.</summary>
public sealed class PackedLibrary : IDisposable
{
    public PackedLibrary()
    {
        Feed = Path.Combine(Work, "feed");
        ChildProcess.Dotnet(Repository.Root, "pack", Path.Combine(Repository.Root, "src", "Rho.Fast", "Rho.Fast.csproj"), "-c", "Release", "-o", Feed);
        Package = Assert.Single(Directory.GetFiles(Feed, "Rho.Fast.*.nupkg"), p => !p.EndsWith(".symbols.nupkg", StringComparison.Ordinal));
        Version = Regex.Match(Path.GetFileName(Package), @"^Rho\.Fast\.(.+)\.nupkg$").Groups[1].Value;
    }

    /// <summary>A temp folder for the tests; the feed is in it.</summary>
    public string Work { get; } = Directory.CreateTempSubdirectory("rho-fast-package-").FullName;

    /// <summary>The folder the package was packed into.</summary>
    public string Feed { get; }

    /// <summary>The <c>.nupkg</c>.</summary>
    public string Package { get; }

    /// <summary>The package's version.</summary>
    public string Version { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
