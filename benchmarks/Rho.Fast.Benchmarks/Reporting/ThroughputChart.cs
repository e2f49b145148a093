using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Rho.Fast.Benchmarks.Reporting;

/// <summary>
/// A horizontal bar chart of read and write throughput (MB/s) per implementation, as hand-written
/// SVG: one panel per category, at the largest corpus size of the run.
/// </summary>
public static class ThroughputChart
{
    private const int Width = 900;
    private const int LabelWidth = 290;
    private const int BarArea = 480;
    private const int BarHeight = 22;
    private const int BarGap = 8;

    /// <summary>Writes the chart to <paramref name="path"/>; returns false when the run had no read or write results.</summary>
    public static bool Write(List<CaseResult> measurements, string path, string subtitle)
    {
        var panels = new List<(string Title, List<CaseResult> Bars)>();
        foreach (string category in new[] { "Read", "Write" })
        {
            int? size = null;
            foreach (CaseResult m in measurements)
            {
                if (m.Category == category && m.SizeMB is { } s && m.MegabytesPerSecond is not null && (size is null || s > size))
                {
                    size = s;
                }
            }

            if (size is null)
            {
                continue;
            }

            var bars = measurements.FindAll(m => m.Category == category && m.SizeMB == size && m.MegabytesPerSecond is not null);
            bars.Sort((a, b) => b.MegabytesPerSecond!.Value.CompareTo(a.MegabytesPerSecond!.Value));
            panels.Add((category + " — " + size + " MB corpus, MB/s (higher is better)", bars));
        }

        if (panels.Count == 0)
        {
            return false;
        }

        var svg = new StringBuilder();
        int y = 80;
        var body = new StringBuilder();
        foreach ((string title, List<CaseResult> bars) in panels)
        {
            body.Append(Text(16, y, title, "font-size=\"15\" font-weight=\"bold\""));
            y += 14;
            double max = bars[0].MegabytesPerSecond!.Value;
            foreach (CaseResult bar in bars)
            {
                double rate = bar.MegabytesPerSecond!.Value;
                int length = Math.Max(1, (int)Math.Round(rate / max * BarArea));
                string colour = bar.Method.StartsWith("RhoFast", StringComparison.Ordinal) ? "#d9480f"
                    : bar.Method.StartsWith("Limit", StringComparison.Ordinal) ? "#868e96" : "#3b5bdb";
                body.Append(Text(LabelWidth - 8, y + 16, bar.Method, "text-anchor=\"end\""));
                body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{length}\" height=\"{BarHeight}\" fill=\"{colour}\" rx=\"2\"/>\n");
                body.Append(Text(LabelWidth + length + 6, y + 16, rate.ToString("0", CultureInfo.InvariantCulture), ""));
                y += BarHeight + BarGap;
            }

            y += 34;
        }

        int height = y + 8;
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        svg.Append(Text(16, 26, "Rho.Fast throughput vs peers", "font-size=\"18\" font-weight=\"bold\""));
        svg.Append(Text(16, 46, subtitle, "fill=\"#555555\""));
        svg.Append(body);
        svg.Append(Text(16, height - 10, "orange: Rho.Fast · blue: peers · grey: the limit (bare Utf8JsonReader)", "fill=\"#555555\" font-size=\"11\""));
        svg.Append("</svg>\n");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, svg.ToString());
        return true;
    }

    private static string Text(int x, int y, string content, string attributes) =>
        string.Create(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{y}\" {attributes}>{Escape(content)}</text>\n");

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
