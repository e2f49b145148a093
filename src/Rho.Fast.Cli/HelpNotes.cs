using System.CommandLine;
using System.CommandLine.Help;
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
            int exitCode = standard.Invoke(parseResult);
            if (Notes.TryGetValue(parseResult.CommandResult.Command, out string? text))
            {
                parseResult.InvocationConfiguration.Output.WriteLine(text);
                parseResult.InvocationConfiguration.Output.WriteLine();
            }

            return exitCode;
        }
    }
}
