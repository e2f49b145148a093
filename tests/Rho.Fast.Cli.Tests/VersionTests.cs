using System;
using System.IO;
using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace Rho.Fast.Cli.Tests;

/// <summary><c>rho-fast --version</c> is the one version of the repository, shared by the tool and the library packages.</summary>
public sealed class VersionTests
{
    [Fact]
    public void Version_prints_the_repository_version_which_the_library_has_too()
    {
        CliResult result = CliRun.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(RepositoryVersion() + "\n", result.Out);
        string library = typeof(SessionReader).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(RepositoryVersion(), library.Split('+')[0]);
    }

    /// <summary>The <c>Version</c> of Directory.Build.props, which every project builds with.</summary>
    private static string RepositoryVersion()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            string props = Path.Combine(dir, "Directory.Build.props");
            if (File.Exists(Path.Combine(dir, "Rho.Fast.sln")) && File.Exists(props))
            {
                return Assert.Single(XDocument.Load(props).Root!.Descendants("Version")).Value;
            }
        }

        throw new InvalidOperationException("Directory.Build.props was not found above " + AppContext.BaseDirectory);
    }
}
