using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast.Cli.Tests;

/// <summary>
/// <c>rho-fast</c> running as a process that does not end by itself (<c>follow</c>): its output as
/// it arrives, and Ctrl-C (<c>SIGINT</c>) to end it.
/// </summary>
internal sealed class RunningCli : IDisposable
{
    private const int Sigint = 2;
    private const int Sigterm = 15;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly MemoryStream _stdout = new();
    private readonly Task _copyOut;
    private readonly Task<string> _stderr;

    private RunningCli(Process process)
    {
        _process = process;
        _copyOut = Task.Run(CopyOutput);
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Everything printed on stdout so far.</summary>
    public string Out
    {
        get
        {
            lock (_stdout)
            {
                return Encoding.UTF8.GetString(_stdout.GetBuffer(), 0, (int)_stdout.Length);
            }
        }
    }

    public static RunningCli Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rho-fast.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new RunningCli(Process.Start(start)!);
    }

    /// <summary>Waits until stdout satisfies <paramref name="done"/>.</summary>
    public void WaitForOutput(Func<string, bool> done, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!done(Out))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("rho-fast exited (" + _process.ExitCode + ") before printing " + what + "; stdout:\n" + Out + "\nstderr:\n" + _stderr.Result);
            }

            if (watch.Elapsed > Patience)
            {
                throw new TimeoutException("rho-fast did not print " + what + " in " + Patience + "; stdout:\n" + Out);
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>Presses Ctrl-C and waits for the process to end.</summary>
    public CliResult Interrupt()
    {
        // A process that inherited SIGINT as ignored (as background jobs do) never sees Ctrl-C;
        // SIGTERM is the same cancellation to rho-fast.
        int signal = IgnoresSigint(_process.Id) ? Sigterm : Sigint;
        if (kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException("could not signal rho-fast: " + Marshal.GetLastPInvokeError());
        }

        if (!_process.WaitForExit(Patience))
        {
            throw new TimeoutException("rho-fast did not end within " + Patience + " of Ctrl-C; stdout:\n" + Out);
        }

        _process.WaitForExit();
        _copyOut.Wait();
        lock (_stdout)
        {
            return new CliResult(_process.ExitCode, _stdout.ToArray(), _stderr.Result);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private static bool IgnoresSigint(int pid)
    {
        string status = "/proc/" + pid + "/status";
        if (!File.Exists(status))
        {
            return false;
        }

        foreach (string line in File.ReadAllLines(status))
        {
            if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
            {
                return (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (Sigint - 1))) != 0;
            }
        }

        return false;
    }

    private async Task CopyOutput()
    {
        byte[] buffer = new byte[4096];
        Stream output = _process.StandardOutput.BaseStream;
        int read;
        while ((read = await output.ReadAsync(buffer)) > 0)
        {
            lock (_stdout)
            {
                _stdout.Write(buffer, 0, read);
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
