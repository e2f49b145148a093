using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using Rho.Fast.Cli;

namespace Rho.Fast.Cli.Tests;

/// <summary>What one command line printed and returned.</summary>
internal sealed record CliResult(int ExitCode, byte[] Stdout, string Stderr)
{
    public string Out => Encoding.UTF8.GetString(Stdout);

    public override string ToString() => "exit " + ExitCode + "\nstdout:\n" + Out + "\nstderr:\n" + Stderr;
}

/// <summary>Runs <c>rho-fast</c> in-process, or as a process where the environment must differ.</summary>
internal static class CliRun
{
    public static CliResult Run(params string[] args) => Run(new ConsoleShape(), args);

    public static CliResult Run(ConsoleShape shape, params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter { NewLine = "\n" };
        int exitCode = Program.Run(args, new CliConsole(stdout, stderr, shape.Width, shape.Color));
        return new CliResult(exitCode, stdout.ToArray(), stderr.ToString());
    }

    /// <summary>Starts the built <c>rho-fast.dll</c> with <c>dotnet</c>; <paramref name="environment"/> values of null unset a variable.</summary>
    public static CliResult Process(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "rho-fast.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach ((string name, string? value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using System.Diagnostics.Process process = System.Diagnostics.Process.Start(start)!;
        var stdout = new MemoryStream();
        System.Threading.Tasks.Task copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        string stderr = process.StandardError.ReadToEnd();
        copy.Wait();
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.ToArray(), stderr);
    }
}

/// <summary>The output device a test pretends to have.</summary>
internal sealed record ConsoleShape(int Width = 0, bool Color = false);
