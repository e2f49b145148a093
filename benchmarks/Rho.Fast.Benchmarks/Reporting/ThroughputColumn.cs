using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Rho.Fast.Benchmarks.Reporting;

/// <summary>A column derived from the median time and the corpus length: MB/s or ns per byte.</summary>
public sealed class ThroughputColumn : IColumn
{
    private readonly bool _nanosecondsPerByte;

    private ThroughputColumn(bool nanosecondsPerByte) => _nanosecondsPerByte = nanosecondsPerByte;

    /// <summary>Megabytes (10^6 bytes) per second.</summary>
    public static ThroughputColumn MegabytesPerSecond { get; } = new(false);

    /// <summary>Nanoseconds per input byte.</summary>
    public static ThroughputColumn NanosecondsPerByte { get; } = new(true);

    /// <inheritdoc/>
    public string Id => _nanosecondsPerByte ? "NsPerByte" : "MBps";

    /// <inheritdoc/>
    public string ColumnName => _nanosecondsPerByte ? "ns/B" : "MB/s";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => _nanosecondsPerByte ? 1 : 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => _nanosecondsPerByte ? "Median time per byte of the corpus" : "Corpus megabytes (10^6 bytes) per second, from the median time";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? median = summary[benchmarkCase]?.ResultStatistics?.Median;
        long? bytes = CaseBytes.Of(benchmarkCase);
        if (median is not { } nanoseconds || bytes is not { } length)
        {
            return "-";
        }

        return _nanosecondsPerByte
            ? (nanoseconds / length).ToString("0.00", CultureInfo.InvariantCulture)
            : CaseBytes.MegabytesPerSecond(length, nanoseconds).ToString("0.0", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public override string ToString() => ColumnName;
}
