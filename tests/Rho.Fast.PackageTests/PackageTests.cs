using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Rho.Fast.PackageTests;

/// <summary>
/// <c>dotnet pack</c> gives a package that works on its own: the library and its source generator,
/// used by a console project that references nothing but the package from a local folder.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("rho-fast-package-").FullName;

    [Fact]
    public void A_project_referencing_only_the_package_declares_a_union_and_reads_a_session()
    {
        string repo = RepositoryRoot();
        string feed = Path.Combine(_work, "feed");
        Dotnet(repo, "pack", Path.Combine(repo, "src", "Rho.Fast", "Rho.Fast.csproj"), "-c", "Release", "-o", feed);

        string package = Assert.Single(Directory.GetFiles(feed, "Rho.Fast.*.nupkg"), p => !p.EndsWith(".symbols.nupkg", StringComparison.Ordinal));
        using (ZipArchive zip = ZipFile.OpenRead(package))
        {
            string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains("lib/net10.0/Rho.Fast.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Rho.Fast.Generators.dll", entries);
        }

        string version = Regex.Match(Path.GetFileName(package), @"^Rho\.Fast\.(.+)\.nupkg$").Groups[1].Value;
        string consumer = Path.Combine(_work, "consumer");
        Directory.CreateDirectory(consumer);
        string template = Path.Combine(AppContext.BaseDirectory, "Consumer");
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), File.ReadAllText(Path.Combine(template, "Consumer.csproj.template")).Replace("@VERSION@", version));
        File.Copy(Path.Combine(template, "NuGet.config"), Path.Combine(consumer, "NuGet.config"));
        File.Copy(Path.Combine(template, "Program.cs"), Path.Combine(consumer, "Program.cs"));

        string output = Dotnet(consumer, "run", "-c", "Release", "--", _work);

        Assert.Equal(
            "{\"type\":\"move\",\"x\":1,\"y\":2}\n" +
            "True\n" +
            "{\"type\":\"say\",\"text\":\"hi \\\"there\\\"\"}\n" +
            "{\"type\":\"quit\"}\n" +
            "2 messages, torn tail at line 4, header 00000000-0000-4000-8000-000000000000\n" +
            "{\"User\":[{\"Text\":\"list the files\"}]}\n" +
            "{\"Assistant\":[{\"Text\":\"Sure.\"}]}\n",
            output.ReplaceLineEndings("\n"));
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

    private string Dotnet(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host runs under MSBuild's and the test platform's variables; a nested build must not inherit them.
        foreach (string name in start.Environment.Keys.ToArray())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail("dotnet " + string.Join(' ', args) + " failed with " + process.ExitCode + ":\n" + stdout + stderr.Result);
        }

        return stdout;
    }

    private static string RepositoryRoot()
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
