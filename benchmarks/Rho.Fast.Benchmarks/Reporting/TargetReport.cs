using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Rho.Fast.Benchmarks.Reporting;

/// <summary>
/// Markdown tables of the run: per category and parameter, every method's time and throughput and
/// how many times faster Rho.Fast is than it; then the product's targets with the measured ratios.
/// </summary>
public static class TargetReport
{
    /// <summary>The Rho.Fast method each category's ratios are relative to.</summary>
    private static readonly Dictionary<string, string> Reference = new()
    {
        ["Read"] = "RhoFast_ReadMessages",
        ["Write"] = "RhoFast_Wire",
        ["Append"] = "RhoFast_Append",
        ["List"] = "RhoFast_List",
        ["Scale"] = "RhoFast_ReadMessages",
        ["Search"] = "RhoFast_Search_NoMatch",
        ["Format4"] = "V4_ReadHistories",
    };

    /// <summary>Builds the report; empty when nothing ran.</summary>
    public static string Build(List<CaseResult> measurements)
    {
        if (measurements.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        var groups = new SortedDictionary<string, List<CaseResult>>(StringComparer.Ordinal);
        foreach (CaseResult m in measurements)
        {
            string key = m.Category + " " + m.Parameter;
            if (!groups.TryGetValue(key, out List<CaseResult>? list))
            {
                groups[key] = list = [];
            }

            list.Add(m);
        }

        foreach ((string key, List<CaseResult> group) in groups)
        {
            CaseResult? reference = Find(group, Reference.GetValueOrDefault(group[0].Category, ""));
            text.Append("### ").Append(key.Trim()).Append("\n\n");
            text.Append("| Method | Median | MB/s | Allocated/op | Rho.Fast is N× faster |\n|---|---:|---:|---:|---:|\n");
            group.Sort((a, b) => a.MedianNanoseconds.CompareTo(b.MedianNanoseconds));
            foreach (CaseResult m in group)
            {
                text.Append("| ").Append(m.Method)
                    .Append(" | ").Append(Time(m.MedianNanoseconds))
                    .Append(" | ").Append(m.MegabytesPerSecond is { } rate ? rate.ToString("0.0", CultureInfo.InvariantCulture) : "-")
                    .Append(" | ").Append(m.AllocatedBytes is { } allocated ? Size(allocated) : "-")
                    .Append(" | ").Append(reference is null ? "-" : Ratio(m.MedianNanoseconds / reference.MedianNanoseconds))
                    .Append(" |\n");
            }

            text.Append('\n');
        }

        text.Append("### Targets\n\n| Target | Measured | Goal | Met |\n|---|---:|---:|---|\n");
        int? size = LargestSize(measurements);
        string at = size is null ? "" : " (" + size + " MB)";
        CaseResult? read = Find(measurements, "Read", "RhoFast_ReadMessages", size);
        CaseResult? stj = Faster(Faster(Find(measurements, "Read", "Stj_SourceGen_Pipe", size), Find(measurements, "Read", "Stj_SourceGen_Stream", size)), Find(measurements, "Read", "Stj_SourceGen_PerLine", size));
        CaseResult? tokens = Find(measurements, "Read", "Limit_Utf8JsonReader_Tokens", size);
        Target(text, "Read repaired list vs best STJ peer" + at, Speedup(read, stj), 1.5);
        Target(text, "Read repaired list vs bare token pass" + at, Speedup(read, tokens), 0.55);
        text.Append("| (the floor for any reader that keeps strings: token pass + GetString, kept, vs bare token pass) | ")
            .Append(Speedup(Find(measurements, "Read", "Limit_Utf8JsonReader_GetString_Kept", size), tokens) is { } floor ? Ratio(floor) : "not run")
            .Append(" | | |\n");
        Target(text, "Write vs STJ source-gen" + at, Speedup(Find(measurements, "Write", "RhoFast_Wire", size), Find(measurements, "Write", "Stj_SourceGen_Relaxed", size)), 1.5);
        Target(text, "Append vs bare write+fdatasync", Speedup(Find(measurements, "Append", "RhoFast_Append", null), Find(measurements, "Append", "Bare_Write_Fdatasync", null)), 0.9);
        Target(text, "AppendRange(100) per entry vs Append", Speedup(Find(measurements, "Append", "RhoFast_AppendRange_100", null), Find(measurements, "Append", "RhoFast_Append", null)), 30);
        text.Append("| (the disk's own batch gain: bare 100-line write vs bare per-entry) | ")
            .Append(Speedup(Find(measurements, "Append", "Bare_WriteBatch_Fdatasync_100", null), Find(measurements, "Append", "Bare_Write_Fdatasync", null)) is { } disk ? Ratio(disk) : "not run")
            .Append(" | | |\n");
        // Per byte: the two corpora differ in length by less than one entry.
        int? treeSize = LargestSize(measurements, "Format4");
        string treeAt = treeSize is null ? "" : " (" + treeSize + " MB)";
        CaseResult? v4 = Find(measurements, "Format4", "V4_ReadHistories", treeSize);
        Target(text, "Format 4 ReadHistories vs format 1 ReadMessages, per byte" + treeAt, PerByte(v4, Find(measurements, "Format4", "V1_ReadMessages", treeSize)), 1 / 1.2);
        Target(text, "Format 4 ReadHistories vs format 1 ReadHistories, per byte" + treeAt, PerByte(v4, Find(measurements, "Format4", "V1_ReadHistories", treeSize)), 1 / 1.2);
        Target(text, "Format 4, history only growing, ReadHistories vs format 1 ReadMessages, per byte" + treeAt,
            PerByte(Find(measurements, "Format4", "V4Growing_ReadHistories", treeSize), Find(measurements, "Format4", "V1_ReadMessages", treeSize)), 1 / 1.2);
        Target(text, "List 750 sessions vs reading all", Speedup(Find(measurements, "List", "RhoFast_List", null), Find(measurements, "List", "ReadAll_ReadMessages", null)), 10);
        TimeTarget(text, "List 750 sessions through the index", Find(measurements, "List", "RhoFast_List", null), milliseconds: 10);
        TimeTarget(text, "List 750 sessions through rho's index", Find(measurements, "List", "RhoFast_List_RhoIndex", null), milliseconds: 10);
        return text.ToString();
    }

    private static void Target(StringBuilder text, string name, double? ratio, double goal)
    {
        text.Append("| ").Append(name).Append(" | ")
            .Append(ratio is { } r ? Ratio(r) : "not run").Append(" | ≥ ")
            .Append(goal.ToString("0.##", CultureInfo.InvariantCulture)).Append("× | ")
            .Append(ratio is { } value ? (value >= goal ? "yes" : "**no**") : "-").Append(" |\n");
    }

    private static void TimeTarget(StringBuilder text, string name, CaseResult? measured, double milliseconds)
    {
        text.Append("| ").Append(name).Append(" | ")
            .Append(measured is null ? "not run" : Time(measured.MedianNanoseconds)).Append(" | ≤ ")
            .Append(milliseconds.ToString("0.##", CultureInfo.InvariantCulture)).Append(" ms | ")
            .Append(measured is null ? "-" : measured.MedianNanoseconds <= milliseconds * 1e6 ? "yes" : "**no**").Append(" |\n");
    }

    /// <summary>How many times faster <paramref name="ours"/> is than <paramref name="peer"/>.</summary>
    private static double? Speedup(CaseResult? ours, CaseResult? peer) =>
        ours is null || peer is null ? null : peer.MedianNanoseconds / ours.MedianNanoseconds;

    /// <summary>How many times the throughput of <paramref name="peer"/> <paramref name="ours"/> reaches (above 1: faster per byte).</summary>
    private static double? PerByte(CaseResult? ours, CaseResult? peer) =>
        ours?.MegabytesPerSecond is { } mine && peer?.MegabytesPerSecond is { } theirs ? mine / theirs : null;

    private static CaseResult? Faster(CaseResult? a, CaseResult? b) =>
        a is null ? b : b is null ? a : a.MedianNanoseconds <= b.MedianNanoseconds ? a : b;

    private static int? LargestSize(List<CaseResult> measurements, string? category = null)
    {
        int? size = null;
        foreach (CaseResult m in measurements)
        {
            if ((category is null ? m.Category is "Read" or "Write" : m.Category == category) && m.SizeMB is { } s && (size is null || s > size))
            {
                size = s;
            }
        }

        return size;
    }

    private static CaseResult? Find(List<CaseResult> measurements, string method)
    {
        foreach (CaseResult m in measurements)
        {
            if (m.Method == method)
            {
                return m;
            }
        }

        return null;
    }

    private static CaseResult? Find(List<CaseResult> measurements, string category, string method, int? size)
    {
        foreach (CaseResult m in measurements)
        {
            if (m.Category == category && m.Method == method && (size is null || m.SizeMB == size))
            {
                return m;
            }
        }

        return null;
    }

    private static string Ratio(double ratio) => ratio.ToString(ratio >= 10 ? "0" : "0.00", CultureInfo.InvariantCulture) + "×";

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => (nanoseconds / 1e9).ToString("0.000", CultureInfo.InvariantCulture) + " s",
        >= 1e6 => (nanoseconds / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (nanoseconds / 1e3).ToString("0.00", CultureInfo.InvariantCulture) + " µs",
        _ => nanoseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ns",
    };

    private static string Size(long bytes) => bytes switch
    {
        >= 1 << 20 => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        >= 1 << 10 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
