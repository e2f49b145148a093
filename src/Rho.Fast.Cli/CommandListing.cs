using System;
using System.CommandLine;
using System.Text;

namespace Rho.Fast.Cli;

/// <summary>
/// The root help's list of commands, with each command's arguments spelled as its own usage line
/// spells them (<c>[&lt;FILE&gt;]</c> optional, <c>&lt;FILE&gt;...</c> repeated): System.CommandLine
/// lists every argument as a plain <c>&lt;FILE&gt;</c>, so the two disagreed.
/// </summary>
internal static class CommandListing
{
    private const string Heading = "Commands:";
    private const string Indent = "  ";
    private const string Gap = "  ";

    public static string Rewrite(string help, Command root)
    {
        string[] lines = help.Split('\n');
        int first = Array.IndexOf(lines, Heading) + 1;
        if (first == 0)
        {
            return help;
        }

        int end = first;
        while (end < lines.Length && lines[end].Length > 0)
        {
            end++;
        }

        // Parse the rows as written: a row starts with its command's name, a wrapped description
        // continues on lines that begin at the description's column.
        var labels = new string?[end - first];
        var descriptions = new string[end - first];
        int column = 0;
        int width = 0;
        for (int i = first; i < end; i++)
        {
            string line = lines[i];
            if (line.Length > Indent.Length && line[Indent.Length] != ' ')
            {
                int gap = line.IndexOf(Gap, Indent.Length, StringComparison.Ordinal);
                column = gap < 0 ? line.Length : gap + Gap.Length;
                while (column < line.Length && line[column] == ' ')
                {
                    column++;
                }

                string name = line[Indent.Length..].Split(' ')[0];
                labels[i - first] = Label(root, name) ?? line[Indent.Length..(gap < 0 ? line.Length : gap)];
                width = int.Max(width, labels[i - first]!.Length);
            }

            descriptions[i - first] = column < line.Length ? line[column..] : "";
        }

        for (int i = first; i < end; i++)
        {
            string? label = labels[i - first];
            string description = descriptions[i - first];
            lines[i] = label is null
                ? new string(' ', Indent.Length + width + Gap.Length) + description
                : Indent + label.PadRight(width) + Gap + description;
            lines[i] = lines[i].TrimEnd();
        }

        return string.Join('\n', lines);
    }

    /// <summary>"gen [&lt;FILE&gt;]", "check &lt;FILE&gt;...", as the command's usage line shows its arguments.</summary>
    private static string? Label(Command root, string name)
    {
        foreach (Command command in root.Subcommands)
        {
            if (command.Name != name)
            {
                continue;
            }

            var label = new StringBuilder(name);
            foreach (Argument argument in command.Arguments)
            {
                if (argument.Hidden)
                {
                    continue;
                }

                string one = "<" + argument.Name + ">" + (argument.Arity.MaximumNumberOfValues > 1 ? "..." : "");
                label.Append(' ').Append(argument.Arity.MinimumNumberOfValues == 0 ? "[" + one + "]" : one);
            }

            return label.ToString();
        }

        return null;
    }
}
