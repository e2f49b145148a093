using System.Collections.Generic;
using BenchmarkDotNet.Reports;

namespace Rho.Fast.Benchmarks.Reporting;

/// <summary>One benchmark case's result, flattened for reports.</summary>
/// <param name="Category">The benchmark category (Read, Write, Append, List, Scale).</param>
/// <param name="Method">The benchmark method's name.</param>
/// <param name="Parameter">The parameter value as text (for example <c>SizeMB=100</c>), or empty.</param>
/// <param name="SizeMB">The corpus size, where the case has one.</param>
/// <param name="MedianNanoseconds">The median time per operation (robust to interference from other processes).</param>
/// <param name="Bytes">The corpus length, where the case has one.</param>
/// <param name="AllocatedBytes">Bytes allocated per operation, when measured.</param>
public sealed record CaseResult(string Category, string Method, string Parameter, int? SizeMB, double MedianNanoseconds, long? Bytes, long? AllocatedBytes)
{
    /// <summary>Throughput in MB/s, where the case processes a corpus.</summary>
    public double? MegabytesPerSecond => Bytes is { } bytes ? CaseBytes.MegabytesPerSecond(bytes, MedianNanoseconds) : null;

    /// <summary>The results of every case that ran.</summary>
    public static List<CaseResult> From(IEnumerable<Summary> summaries)
    {
        var measurements = new List<CaseResult>();
        foreach (Summary summary in summaries)
        {
            foreach (BenchmarkReport report in summary.Reports)
            {
                if (report.ResultStatistics is not { } statistics)
                {
                    continue;
                }

                var benchmarkCase = report.BenchmarkCase;
                string[] categories = benchmarkCase.Descriptor.Categories;
                int? size = null;
                foreach (var parameter in benchmarkCase.Parameters.Items)
                {
                    if (parameter.Name == "SizeMB" && parameter.Value is int megabytes)
                    {
                        size = megabytes;
                    }
                }

                long? allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
                measurements.Add(new CaseResult(
                    categories.Length > 0 ? categories[0] : "",
                    benchmarkCase.Descriptor.WorkloadMethod.Name,
                    benchmarkCase.Parameters.DisplayInfo,
                    size,
                    statistics.Median,
                    CaseBytes.Of(benchmarkCase),
                    allocated));
            }
        }

        return measurements;
    }
}
