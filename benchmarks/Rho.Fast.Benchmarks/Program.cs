using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Rho.Fast.Benchmarks.Reporting;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// Entry point. <c>--quick</c>: small corpora, short in-process jobs. <c>--memory [MB]</c>: the
/// streaming peak-memory check on a generated file (default 1000 MB). <c>--breakdown [MB]</c>:
/// where a repaired read's time goes (default 100 MB) and durable appends in interleaved pairs.
/// <c>--format4 [MB]</c>: reading rho 1.47's format 4 beside format 1 of the same size, stage by stage (default 100 MB).
/// <c>--chart PATH</c>: where the throughput SVG goes. Other arguments go to BenchmarkDotNet
/// (<c>--filter</c>, <c>--anyCategories</c>, ...); without <c>--filter</c>, everything runs.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks or one of the checks.</summary>
    public static int Main(string[] args)
    {
        bool quick = false;
        string? chart = null;
        var passThrough = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--memory":
                    int megabytes = i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int mb) ? mb : 1000;
                    return MemoryCheck.Run(megabytes);
                case "--breakdown":
                    int size = i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : 100;
                    ReadBreakdown.RunAsync(size).GetAwaiter().GetResult();
                    Console.WriteLine();
                    AppendBreakdown.Run(rounds: 20);
                    return 0;
                case "--format4":
                    int treeSize = i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int tree) ? tree : 100;
                    Format4Breakdown.RunAsync(treeSize).GetAwaiter().GetResult();
                    return 0;
                case "--memory-child":
                    return MemoryCheck.ChildAsync(args[i + 1], args[i + 2]).GetAwaiter().GetResult();
                case "--chart":
                    chart = args[++i];
                    break;
                default:
                    passThrough.Add(args[i]);
                    break;
            }
        }

        // Only a run of everything at full size may redraw the documented chart.
        bool complete = !quick && !passThrough.Exists(a => a is "--filter" or "--anyCategories" or "--allCategories");
        if (!passThrough.Contains("--filter"))
        {
            passThrough.AddRange(["--filter", "*"]);
        }

        BenchmarkSettings.Quick = quick;
        List<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
            .Run([.. passThrough], BenchmarkConfig.Create(quick))
            .ToList();
        Report(summaries, quick, complete, chart);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static void Report(List<Summary> summaries, bool quick, bool complete, string? chart)
    {
        List<CaseResult> measurements = CaseResult.From(summaries);
        if (measurements.Count == 0)
        {
            return;
        }

        string results = summaries[0].ResultsDirectoryPath;
        string report = TargetReport.Build(measurements);
        string reportPath = Path.Combine(results, "rho-fast-targets.md");
        File.WriteAllText(reportPath, report);
        Console.WriteLine();
        Console.WriteLine(report);
        Console.WriteLine("Ratio tables and targets: " + reportPath);

        // A quick or partial run must not overwrite the documented chart of the full run.
        chart ??= !complete || FindRepositoryRoot() is not { } root
            ? Path.Combine(results, "benchmarks-throughput.svg")
            : Path.Combine(root, "docs", "benchmarks-throughput.svg");
        string subtitle = (quick ? "quick run" : "full run") + ", " + DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            + ", " + Environment.ProcessorCount + " cores, .NET " + Environment.Version;
        if (ThroughputChart.Write(measurements, chart, subtitle))
        {
            Console.WriteLine("Throughput chart: " + chart);
        }
    }

    private static string? FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Rho.Fast.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
