using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// A running <c>Rho.Fast.CrashWorker</c>: its stdout lines as they arrive, its stdin, and
/// <see cref="Kill"/>, which is <c>SIGKILL</c> on Unix.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private static readonly string WorkerDll = Path.Combine(AppContext.BaseDirectory, "Rho.Fast.CrashWorker.dll");

    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly StringBuilder _stderr = new();
    private readonly Thread _reader;

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
        _reader = new Thread(ReadOutput) { IsBackground = true, Name = "worker stdout" };
        _reader.Start();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts the worker with <paramref name="arguments"/>, and <paramref name="environment"/> changes (a null value removes a variable).</summary>
    public static WorkerProcess Start(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WorkerDll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
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
        }

        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start " + WorkerDll));
    }

    public static WorkerProcess Start(params string[] arguments) => Start(null, arguments);

    /// <summary>The next stdout line, or <see langword="null"/> at the end of output.</summary>
    /// <exception cref="TimeoutException">No line within <paramref name="timeout"/>.</exception>
    public string? ReadLine(TimeSpan timeout)
    {
        try
        {
            if (_lines.TryTake(out string? line, timeout))
            {
                return line;
            }
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        if (_lines.IsCompleted)
        {
            return null;
        }

        throw new TimeoutException("the worker printed nothing for " + timeout + "; stderr: " + Stderr);
    }

    public void Send(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Kills the process with <c>SIGKILL</c>: no handler, no flush, no cleanup runs in it.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    /// <summary>Waits for the process to end and returns every stdout line not read yet.</summary>
    public List<string> WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            throw new TimeoutException("the worker did not exit within " + timeout + "; stderr: " + Stderr);
        }

        _reader.Join(timeout);
        _process.WaitForExit();
        var rest = new List<string>();
        while (_lines.TryTake(out string? line))
        {
            rest.Add(line);
        }

        return rest;
    }

    public int ExitCode => _process.ExitCode;

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private void ReadOutput()
    {
        try
        {
            string? line;
            while ((line = _process.StandardOutput.ReadLine()) is not null)
            {
                _lines.Add(line);
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            _lines.CompleteAdding();
        }
    }

    private static string DotnetHost()
    {
        string? current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string? root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }

        return "dotnet";
    }
}
