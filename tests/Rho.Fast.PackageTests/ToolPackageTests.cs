using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Rho.Fast.PackageTests;

/// <summary>
/// <c>dotnet pack</c> of the CLI gives a .NET tool: installed from a local folder with
/// <c>dotnet tool install</c>, <c>rho-fast</c> prints the package's version and does its work.
/// </summary>
[Collection(PackingCollection.Name)]
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("rho-fast-tool-").FullName;

    [Fact]
    public void The_installed_tool_prints_the_package_version_and_generates_and_checks_a_session()
    {
        string feed = Path.Combine(_work, "feed");
        ChildProcess.Dotnet(Repository.Root, "pack", Path.Combine(Repository.Root, "src", "Rho.Fast.Cli", "Rho.Fast.Cli.csproj"), "-c", "Release", "-o", feed);
        string package = Assert.Single(Directory.GetFiles(feed, "rho-fast.*.nupkg"), p => !p.EndsWith(".symbols.nupkg", StringComparison.Ordinal));
        string version = Regex.Match(Path.GetFileName(package), @"^rho-fast\.(.+)\.nupkg$").Groups[1].Value;
        using (ZipArchive zip = ZipFile.OpenRead(package))
        {
            string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", entries);
            Assert.Contains("tools/net10.0/any/rho-fast.dll", entries);
        }

        // No package source but the folder just packed: a rho-fast of the same version from
        // anywhere else must not be the one tested. The tool path is new, so nothing is reused.
        string config = Path.Combine(_work, "NuGet.config");
        File.WriteAllText(config, """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        string tools = Path.Combine(_work, "tools");
        ChildProcess.Dotnet(_work, "tool", "install", "--tool-path", tools, "rho-fast", "--add-source", feed, "--version", version, "--configfile", config);
        string rhoFast = Path.Combine(tools, OperatingSystem.IsWindows() ? "rho-fast.exe" : "rho-fast");

        ProcessResult printed = ChildProcess.Run(rhoFast, _work, "--version");
        Assert.True(printed.ExitCode == 0, printed.ToString());
        Assert.Equal(version + "\n", printed.Stdout.ReplaceLineEndings("\n"));

        ProcessResult generated = ChildProcess.Run(rhoFast, _work, "gen", "session.jsonl", "--messages", "40", "--seed", "5");
        Assert.True(generated.ExitCode == 0, generated.ToString());
        Assert.StartsWith("wrote 40 messages (", generated.Stdout, StringComparison.Ordinal);

        ProcessResult clean = ChildProcess.Run(rhoFast, _work, "check", "session.jsonl");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.StartsWith("session.jsonl: ok, 40 messages, ", clean.Stdout, StringComparison.Ordinal);

        // A torn last line, as a crash mid-write leaves: exit code 1, and the line is named.
        File.AppendAllText(Path.Combine(_work, "session.jsonl"), "{\"type\":\"message\",\"timest");
        ProcessResult torn = ChildProcess.Run(rhoFast, _work, "check", "session.jsonl");
        Assert.True(torn.ExitCode == 1, torn.ToString());
        Assert.Contains("torn last line 42", torn.Stdout, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
