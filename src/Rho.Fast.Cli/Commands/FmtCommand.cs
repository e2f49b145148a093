using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Rho.Fast.Serialization;

namespace Rho.Fast.Cli.Commands;

/// <summary>
/// <c>rho-fast fmt FILE</c>: every non-empty line parsed as an entry and written back, no repair.
/// For a file serde_json wrote, the output is the same bytes. On the first line that does not
/// parse, nothing is written to stdout, one line <c>ERROR: ...</c> to stderr, and the exit code is 1.
/// </summary>
internal static class FmtCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The session file." }.RejectOptionLike();
        Option<int> maxLineLength = CommonOptions.MaxLineLength();
        var command = new Command(
            "fmt",
            "Parse every non-empty line as a session entry and write it back as serde_json would; no repair.")
        {
            file, maxLineLength,
        };
        HelpNotes.Set(command, "Exit codes: 0 formatted; 1 a line does not parse (one line 'ERROR: ...' on stderr); 2 no such file, or a mistake;\n" +
            "  4 a complete entry or header of a format this version does not read (a newer rho's): named on stderr.");
        CommandAction.Set(command, console, (result, cancellationToken) =>
            RunAsync(console, result.GetValue(file)!, CommonOptions.Reading(result.GetValue(maxLineLength)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, FileInfo file, SessionReadOptions reading, CancellationToken cancellationToken)
    {
        if (InputFiles.Problem(file.FullName) is { } problem)
        {
            return console.Fail(problem);
        }

        // Buffer the output: a file that fails prints only its ERROR line, as the reference does.
        var formatted = new MemoryStream();
        var writer = new StreamBufferWriter(formatted);
        try
        {
            await foreach (SessionEntry entry in SessionReader.ReadEntriesAsync(file.FullName, reading, cancellationToken))
            {
                Wire.Serialize(writer, entry);
                formatted.WriteByte((byte)'\n');
            }
        }
        catch (SessionFormatException e)
        {
            return console.ErrorLine(e);
        }

        formatted.Position = 0;
        await formatted.CopyToAsync(console.RawOut(), cancellationToken);
        return ExitCodes.Ok;
    }
}
