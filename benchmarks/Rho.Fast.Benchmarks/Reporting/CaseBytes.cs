using BenchmarkDotNet.Running;

namespace Rho.Fast.Benchmarks.Reporting;

/// <summary>The bytes one operation of a benchmark case processes, where that is a corpus.</summary>
public static class CaseBytes
{
    /// <summary>The corpus length for cases with a <c>SizeMB</c> parameter (the format-4 corpora for <c>V4_</c> and <c>V4Growing_</c> methods); otherwise <see langword="null"/>.</summary>
    public static long? Of(BenchmarkCase benchmarkCase)
    {
        foreach (var parameter in benchmarkCase.Parameters.Items)
        {
            if (parameter.Name == "SizeMB" && parameter.Value is int megabytes)
            {
                string method = benchmarkCase.Descriptor.WorkloadMethod.Name;
                return method.StartsWith("V4_", System.StringComparison.Ordinal) ? Corpus.TreeBytes(megabytes)
                    : method.StartsWith("V4Growing_", System.StringComparison.Ordinal) ? Corpus.TreeBytes(megabytes, Synthetic.SyntheticTreeShape.Growing)
                    : Corpus.Bytes(megabytes);
            }
        }

        return null;
    }

    /// <summary>Throughput in MB/s (10^6 bytes) for <paramref name="bytes"/> processed in <paramref name="nanoseconds"/>.</summary>
    public static double MegabytesPerSecond(long bytes, double nanoseconds) => bytes / nanoseconds * 1e9 / Corpus.Megabyte;
}
