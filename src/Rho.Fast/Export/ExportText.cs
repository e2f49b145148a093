using System;
using System.Collections.Generic;
using System.Globalization;

namespace Rho.Fast.Export;

/// <summary>What every export format shares: how a text is measured and described, and which tool a result answers.</summary>
internal static class ExportText
{
    /// <summary>Lines in <paramref name="text"/>: a final line break does not start another.</summary>
    public static int LineCount(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        int lines = text.AsSpan().Count('\n') + 1;
        return text.EndsWith('\n') ? lines - 1 : lines;
    }

    /// <summary>Whether <paramref name="text"/> is long enough to be folded.</summary>
    public static bool IsLong(string text, SessionExportOptions options) =>
        text.Length > options.FoldCharacters || LineCount(text) > options.FoldLines;

    /// <summary>"120 lines, 5.2 KB" for a fold's summary.</summary>
    public static string Measure(string text)
    {
        int lines = LineCount(text);
        return lines.ToString("N0", CultureInfo.InvariantCulture) + (lines == 1 ? " line, " : " lines, ") + Size(System.Text.Encoding.UTF8.GetByteCount(text));
    }

    /// <summary>A byte count: <c>512 B</c>, <c>12.3 KB</c>, <c>4.5 MB</c> (powers of 1024).</summary>
    public static string Size(long bytes)
    {
        if (bytes < 1024)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        }

        double kilobytes = bytes / 1024.0;
        return kilobytes < 1024
            ? kilobytes.ToString("0.0", CultureInfo.InvariantCulture) + " KB"
            : (kilobytes / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
    }

    /// <summary>A header's timestamp (Unix seconds) in UTC, so an export reads the same wherever it is made; the text as given if it is not one.</summary>
    public static string Time(string timestamp) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
        && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC"
            : timestamp;

    /// <summary>The first line of <paramref name="text"/>, cut to <paramref name="length"/> characters (never inside a surrogate pair).</summary>
    public static string FirstLine(string text, int length)
    {
        ReadOnlySpan<char> line = text.AsSpan().TrimStart();
        int newline = line.IndexOfAny('\r', '\n');
        if (newline >= 0)
        {
            line = line[..newline];
        }

        if (line.Length <= length)
        {
            return line.ToString();
        }

        int cut = char.IsHighSurrogate(line[length - 1]) ? length - 1 : length;
        return string.Concat(line[..cut], "…");
    }

    /// <summary>The tool name of each call id in <paramref name="messages"/>, so a result can name the tool it answers.</summary>
    public static Dictionary<string, string> ToolNames(IReadOnlyList<Message> messages)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Message message in messages)
        {
            if (message is Message.Assistant assistant)
            {
                foreach (ContentBlock block in assistant.Content)
                {
                    if (block is ContentBlock.ToolCall { Call: var call })
                    {
                        names[call.Id] = call.Name;
                    }
                }
            }
        }

        return names;
    }
}
