using System;
using System.Globalization;
using System.Text;

namespace Rho.Fast.Cli;

/// <summary>Numbers, sizes and times as the commands print them.</summary>
internal static class Formats
{
    /// <summary>A byte count for people: <c>512 B</c>, <c>12.3 KB</c>, <c>4.5 MB</c>, <c>1.2 GB</c> (powers of 1024).</summary>
    public static string Size(long bytes)
    {
        if (bytes < 1024)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        }

        double value = bytes / 1024.0;
        string unit = "KB";
        if (value >= 1024)
        {
            value /= 1024;
            unit = "MB";
        }

        if (value >= 1024)
        {
            value /= 1024;
            unit = "GB";
        }

        return value.ToString("0.0", CultureInfo.InvariantCulture) + " " + unit;
    }

    /// <summary>A time in the local time zone, to the minute: <c>2025-09-04 14:05</c>.</summary>
    public static string LocalTime(DateTimeOffset time) =>
        time.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A header's timestamp (Unix seconds as a decimal string) in local time, or the text as given if it is not one.</summary>
    public static string UnixSeconds(string timestamp) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
        && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? LocalTime(DateTimeOffset.FromUnixTimeSeconds(seconds))
            : timestamp;

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1 message", "3 messages".</summary>
    public static string Count(long value, string noun) => Count(value, noun, noun + "s");

    public static string Count(long value, string noun, string plural) => Number(value) + " " + (value == 1 ? noun : plural);

    public static string Seconds(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="columns"/> terminal columns, ending with …
    /// when cut. Wide characters (CJK, emoji) count two columns, combining marks none.
    /// </summary>
    public static string Cut(string text, int columns)
    {
        int used = 0;
        int index = 0;
        int fitsWithEllipsis = columns >= 1 ? 0 : -1;
        foreach (Rune rune in text.EnumerateRunes())
        {
            int width = Columns(rune);
            if (used + width > columns)
            {
                return fitsWithEllipsis < 0 ? "" : text[..fitsWithEllipsis] + "…";
            }

            used += width;
            index += rune.Utf16SequenceLength;
            if (used <= columns - 1)
            {
                fitsWithEllipsis = index;
            }
        }

        return text;
    }

    private static int Columns(Rune rune)
    {
        int c = rune.Value;
        if (c is >= 0x0300 and <= 0x036F or >= 0xFE00 and <= 0xFE0F or 0x200D)
        {
            return 0;
        }

        bool wide = c is >= 0x1100 and <= 0x115F
            or >= 0x2E80 and <= 0xA4CF
            or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x1F300 and <= 0x1F64F
            or >= 0x1F900 and <= 0x1F9FF
            or >= 0x20000 and <= 0x3FFFD;
        return wide ? 2 : 1;
    }
}
