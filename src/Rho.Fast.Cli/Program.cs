using System.CommandLine;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;
using Rho.Fast.Cli.Commands;

[assembly: InternalsVisibleTo("Rho.Fast.Cli.Tests")]

namespace Rho.Fast.Cli;

/// <summary>The <c>rho-fast</c> command line: tools for rho session files.</summary>
internal static class Program
{
    private static int Main(string[] args) => Run(args, CliConsole.FromSystem());

    /// <summary>Runs one command line against <paramref name="console"/> and returns the exit code.</summary>
    internal static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand(
            "Tools for rho session files (JSONL): list, show, follow, export, search, check, repair and format them; generate and benchmark synthetic sessions.\n" +
            "Try 'rho-fast demo' to watch a crash-torn session being repaired on resume.")
        {
            ListCommand.Create(console),
            ShowCommand.Create(console),
            FollowCommand.Create(console),
            ExportCommand.Create(console),
            SearchCommand.Create(console),
            CheckCommand.Create(console),
            RepairCommand.Create(console),
            FmtCommand.Create(console),
            GenCommand.Create(console),
            BenchCommand.Create(console),
            DemoCommand.Create(console),
        };

        HelpNotes.Set(root, "Sessions are looked up in $HOME/.rho/sessions unless --root is given.\n" +
            "A mistake (an unknown option, a bad value, a missing file or a directory, an unknown id prefix, HOME unset) prints one line\n" +
            "on stderr and exits with 2 (check: 3 for a file it cannot read).");
        HelpNotes.Install(root);
        CliVersion.Install(root);
        ParseResult parse = root.Parse(args);
        int exitCode;
        if (parse.Action is ParseErrorAction)
        {
            // One line, not the usage dump: the first error and where to read more.
            string command = parse.CommandResult.Command is RootCommand ? "rho-fast" : "rho-fast " + parse.CommandResult.Command.Name;
            exitCode = console.Fail(parse.Errors[0].Message + " (see '" + command + " --help')");
        }
        else
        {
            exitCode = parse.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
        }

        console.Flush();
        return exitCode;
    }
}
