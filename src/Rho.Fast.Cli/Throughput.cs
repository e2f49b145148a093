using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace Rho.Fast.Cli;

/// <summary>Throughput measurements as a table, as JSON lines, or as one line.</summary>
internal static class Throughput
{
    public static void WriteTable(TextWriter output, IReadOnlyList<ThroughputMeasurement> measurements, Style style)
    {
        output.WriteLine(style.Bold("MEASURE          SIZE      MEDIAN        MB/s"));
        foreach (ThroughputMeasurement m in measurements)
        {
            output.WriteLine(
                m.Name.PadRight(10) + Formats.Size(m.Bytes).PadLeft(10) + Milliseconds(m.MedianSeconds).PadLeft(12) + Rate(m.MegabytesPerSecond).PadLeft(12));
        }
    }

    /// <summary>One object per line: <c>{"name":"read","bytes":...,"median_s":...,"mb_per_s":...}</c>; a rate too fast to time is <c>null</c>.</summary>
    public static void WriteJsonLines(Stream output, IReadOnlyList<ThroughputMeasurement> measurements)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        foreach (ThroughputMeasurement m in measurements)
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("name", m.Name);
                writer.WriteNumber("bytes", m.Bytes);
                writer.WriteNumber("median_s", m.MedianSeconds);
                if (double.IsFinite(m.MegabytesPerSecond))
                {
                    writer.WriteNumber("mb_per_s", m.MegabytesPerSecond);
                }
                else
                {
                    writer.WriteNull("mb_per_s");
                }

                writer.WriteEndObject();
            }

            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
        }

        output.Write(buffer.WrittenSpan);
    }

    /// <summary>"read 812.3 MB/s · read_decoded 700.2 MB/s · stream 900.5 MB/s · serialize 640.1 MB/s · append 9.8 MB/s".</summary>
    public static string OneLine(IReadOnlyList<ThroughputMeasurement> measurements)
    {
        var parts = new string[measurements.Count];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = measurements[i].Name + " " + Rate(measurements[i].MegabytesPerSecond) + " MB/s";
        }

        return string.Join(" · ", parts);
    }

    private static string Milliseconds(double seconds) => (seconds * 1000).ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    // A run too short for the clock has no rate worth printing.
    private static string Rate(double megabytesPerSecond) =>
        double.IsFinite(megabytesPerSecond) ? megabytesPerSecond.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";
}
