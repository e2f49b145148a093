using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Rho.Fast.Serialization;

namespace Rho.Fast.Cli.Commands;

/// <summary>
/// <c>rho-fast show [--json] FILE|ID-PREFIX</c>: the repaired messages, as a readable transcript or,
/// with <c>--json</c>, one per line in exactly the bytes the reference prints. A corrupt file prints
/// one line <c>ERROR: ...</c> on stderr and exits 1.
/// </summary>
internal static class ShowCommand
{
    public static Command Create(CliConsole console)
    {
        var target = new Argument<string>("FILE|ID-PREFIX") { Description = "A session file, or a prefix of a session id in the working directory's workspace." }.RejectOptionLike();
        var json = new Option<bool>("--json") { Description = "Print the messages as JSON, one per line, as rho's own reader rebuilds them (serde_json's bytes)." };
        var display = new Option<bool>("--display") { Description = "The display history (what the user saw, with compaction notices) instead of the model history." };
        var tree = new Option<bool>("--tree") { Description = "Print the conversation tree: every node, the active branch marked with '*'." };
        Option<string?> root = CommonOptions.Root();
        Option<string?> cwd = CommonOptions.Cwd();
        Option<int> maxLineLength = CommonOptions.MaxLineLength();
        var command = new Command(
            "show",
            "Show the messages of a session of any format from 1 to 4, as rho resumes it: roles, tool calls with their arguments, results marked ok or failed.")
        {
            target, json, display, tree, root, cwd, maxLineLength,
        };
        HelpNotes.Set(command, "Colour is used when stdout is a terminal and NO_COLOR is not set.\n" +
            "Exit codes: 0 shown; 1 the file is corrupt before its last line (one line 'ERROR: ...' on stderr); 2 no such file or session, or a mistake;\n" +
            "  4 the file is in a format this version does not read (a newer rho's): the message on stderr names the version and the line.");
        CommandAction.Set(command, console, (result, cancellationToken) =>
            RunAsync(console, result.GetValue(target)!, result.GetValue(json), result.GetValue(display), result.GetValue(tree), result.GetValue(root), result.GetValue(cwd),
                CommonOptions.Reading(result.GetValue(maxLineLength)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string target, bool json, bool display, bool tree, string? root, string? cwd, SessionReadOptions reading, CancellationToken cancellationToken)
    {
        if (tree && (json || display))
        {
            throw new UsageException("--tree prints the tree, not messages: leave out --json and --display");
        }

        string path = SessionLocator.Resolve(target, root, cwd);
        SessionHistories histories;
        try
        {
            histories = SessionReader.ReadHistories(path, reading, cancellationToken);
        }
        catch (SessionFormatException e)
        {
            return console.ErrorLine(e);
        }

        if (tree)
        {
            new TreeText(console.Out, new Style(console.Color)).Write(histories.Tree);
            return ExitCodes.Ok;
        }

        var read = new SessionReadResult(display ? histories.Display : histories.Model, histories.Summary);
        if (json)
        {
            Stream stdout = console.RawOut();
            var writer = new StreamBufferWriter(stdout);
            foreach (Message message in read.Messages)
            {
                Wire.Serialize(writer, message);
                stdout.WriteByte((byte)'\n');
            }

            return ExitCodes.Ok;
        }

        new Transcript(console.Out, new Style(console.Color)).Write(read);
        return ExitCodes.Ok;
    }
}
