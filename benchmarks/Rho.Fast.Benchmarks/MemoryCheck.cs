using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// The streaming-memory check: a fresh child process streams a generated file with
/// <see cref="SessionReader.StreamMessagesAsync(string, SessionReadOptions?)"/> and reports its peak
/// working set, next to an idle child's for the runtime's own share. Generation happens in the
/// parent so it cannot inflate the child's peak.
/// </summary>
public static class MemoryCheck
{
    /// <summary>The target: streaming peak working set below 64 MB.</summary>
    public const long LimitBytes = 64L * 1024 * 1024;

    /// <summary>Generates the file if needed, measures, prints, and returns 0 when the target is met.</summary>
    public static int Run(int megabytes)
    {
        Console.WriteLine($"Generating (or reusing) a {megabytes} MB session file...");
        string path = Corpus.FileOfSize(megabytes * Corpus.Megabyte, "realistic-" + megabytes + "MB");
        long length = new System.IO.FileInfo(path).Length;
        Console.WriteLine($"File: {path} ({length:N0} bytes)");

        string idle = RunChild("idle", path);
        string stream = RunChild("stream", path);
        string read = RunChild("read", path);
        Console.WriteLine("mode    peak working set     messages   seconds   MB/s");
        Console.WriteLine(idle);
        Console.WriteLine(stream);
        Console.WriteLine(read);

        long peak = long.Parse(stream.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        bool met = peak < LimitBytes;
        Console.WriteLine($"Streaming peak working set {peak / 1048576.0:0.0} MiB; target < {LimitBytes / 1048576} MiB: {(met ? "met" : "MISSED")}");
        return met ? 0 : 1;
    }

    /// <summary>The child: does one thing to the file and prints one line of results.</summary>
    public static async Task<int> ChildAsync(string mode, string path)
    {
        var clock = Stopwatch.StartNew();
        long messages = mode switch
        {
            "stream" => await RhoFastReads.StreamMessagesAsync(path),
            "read" => await RhoFastReads.ReadMessagesAsync(path),
            _ => 0,
        };

        double seconds = clock.Elapsed.TotalSeconds;
        double rate = mode == "idle" ? 0 : new System.IO.FileInfo(path).Length / seconds / Corpus.Megabyte;
        using Process self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mode,-7} {self.PeakWorkingSet64,16} {messages,12} {seconds,9:0.00} {rate,6:0}"));
        return 0;
    }

    private static string RunChild(string mode, string path)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            // Started as `dotnet Rho.Fast.Benchmarks.dll`: the child needs the assembly too.
            start.ArgumentList.Add(typeof(MemoryCheck).Assembly.Location);
        }

        start.ArgumentList.Add("--memory-child");
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add(path);
        using Process child = Process.Start(start)!;
        string output = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException("The " + mode + " child failed: " + output);
        }

        return output;
    }
}
