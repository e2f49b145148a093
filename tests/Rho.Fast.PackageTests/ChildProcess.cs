using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;

namespace Rho.Fast.PackageTests;

/// <summary>What a child process printed and returned.</summary>
internal sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => "exit " + ExitCode + "\nstdout:\n" + Stdout + "\nstderr:\n" + Stderr;
}

/// <summary>Runs <c>dotnet</c>, or a program it installed, as a child process outside the test host's build environment.</summary>
internal static class ChildProcess
{
    /// <summary>The folder of the <c>dotnet</c> running the tests, so an installed tool runs on the same runtime.</summary>
    public static string DotnetRoot { get; } =
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>Runs <c>dotnet</c> and fails the test unless it exits with 0; returns what it printed on stdout.</summary>
    public static string Dotnet(string directory, params string[] args)
    {
        ProcessResult result = Run("dotnet", directory, args);
        if (result.ExitCode != 0)
        {
            Assert.Fail("dotnet " + string.Join(' ', args) + " failed with " + result.ExitCode + ":\n" + result.Stdout + result.Stderr);
        }

        return result.Stdout;
    }

    /// <summary>Runs <paramref name="program"/> in <paramref name="directory"/> and waits for it.</summary>
    public static ProcessResult Run(string program, string directory, params IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program)
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
        start.Environment["DOTNET_ROOT"] = DotnetRoot;
        using Process process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout, stderr.Result);
    }
}
