using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace Rho.Fast.Cli;

/// <summary>
/// Text printed after a command's own help (exit codes, examples) but not in the root's command
/// list, where each command keeps its one-line description.
/// </summary>
internal static class HelpNotes
{
    private static readonly ConditionalWeakTable<Command, string> Notes = new();

    public static void Set(Command command, string text) => Notes.AddOrUpdate(command, text);

    /// <summary>Makes the root's <c>--help</c> (shared by every command) print the notes.</summary>
    public static void Install(RootCommand root)
    {
        foreach (Option option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction standard } help)
            {
                help.Action = new WithNotes(standard);
            }
        }
    }

    private sealed class WithNotes(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            Command command = parseResult.CommandResult.Command;
            TextWriter output = parseResult.InvocationConfiguration.Output;
            int exitCode;
            if (command is RootCommand root)
            {
                // The root's list of commands is rewritten, so the standard help is written aside first.
                var standardText = new StringWriter { NewLine = output.NewLine };
                parseResult.InvocationConfiguration.Output = standardText;
                try
                {
                    exitCode = standard.Invoke(parseResult);
                }
                finally
                {
                    parseResult.InvocationConfiguration.Output = output;
                }

                output.Write(CommandListing.Rewrite(standardText.ToString(), root));
            }
            else
            {
                exitCode = standard.Invoke(parseResult);
            }

            if (Notes.TryGetValue(command, out string? text))
            {
                output.WriteLine(text);
                output.WriteLine();
            }

            return exitCode;
        }
    }
}
