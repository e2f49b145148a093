using System;
using System.IO;
using System.Linq;
using Rho.Fast.Serialization;
using Rho.Fast.Synthetic;

namespace Rho.Fast.Cli.Tests;

/// <summary>Session files in each state the tools tell apart: clean, torn, with an unanswered turn, corrupt.</summary>
internal static class SessionFixtures
{
    public const int Messages = 40;

    public static string Clean(string path, ulong seed = 3)
    {
        SyntheticSession.WriteFile(path, Messages, seed);
        return path;
    }

    /// <summary>A clean file plus the first half of one more line, as a crash mid-append leaves it.</summary>
    public static string Torn(string path, ulong seed = 3)
    {
        Clean(path, seed);
        byte[] next = Wire.SerializeToUtf8Bytes(new SessionEntry.MessageEntry("1", Message.UserText("one more thing")));
        using var file = new FileStream(path, FileMode.Append);
        file.Write(next, 0, next.Length / 2);
        return path;
    }

    /// <summary>A clean file ending with an assistant tool call that has no result.</summary>
    public static string UnansweredTurn(string path)
    {
        Clean(path);
        var call = new Message.Assistant([new ContentBlock.ToolCall(new ToolInvocation("call_x", "bash", RawJson.Parse("{\"command\":\"ls\"}")))]);
        File.AppendAllText(path, Wire.Serialize(new SessionEntry.MessageEntry("1", call)) + "\n");
        return path;
    }

    /// <summary>A clean file with a torn entry inserted as line <paramref name="line"/> (1-based; the header is line 1).</summary>
    public static string Corrupt(string path, int line = 5)
    {
        Clean(path);
        InsertLine(path, line, "{\"type\":\"message\",\"timest");
        return path;
    }

    public static void InsertLine(string path, int line, string text)
    {
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(line - 1, text);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
    }

    /// <summary>The byte offset where 1-based line <paramref name="line"/> starts.</summary>
    public static long OffsetOfLine(string path, int line)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int found = 1;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (found == line)
            {
                return i;
            }

            if (bytes[i] == (byte)'\n')
            {
                found++;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(line));
    }

    public static int LineCount(string path) => File.ReadAllLines(path).Count(line => line.Length > 0);
}
