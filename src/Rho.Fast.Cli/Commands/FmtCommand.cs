using System;
using System.CommandLine;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Rho.Fast.Serialization;

namespace Rho.Fast.Cli.Commands;

/// <summary>
/// <c>rho-fast fmt FILE</c>: every non-empty line parsed as an entry and written back, no repair.
/// For a file serde_json wrote, the output is the same bytes. On the first line that does not
/// parse, the output is one line <c>ERROR: ...</c> and the exit code 1.
/// </summary>
internal static class FmtCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The session file." };
        var command = new Command("fmt", "Parse every non-empty line as a session entry and write it back as serde_json would; no repair.") { file };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(file)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            return Output.Fail("no such file: " + file.FullName);
        }

        // Buffer the output: a file that fails prints only its ERROR line, as the reference does.
        var formatted = new MemoryStream();
        try
        {
            await foreach (SessionEntry entry in SessionReader.ReadEntriesAsync(file.FullName, cancellationToken: cancellationToken))
            {
                Wire.Serialize(new StreamBufferWriter(formatted), entry);
                formatted.WriteByte((byte)'\n');
            }
        }
        catch (SessionFormatException e)
        {
            await using Stream error = Output.OpenStdout();
            await error.WriteAsync(Encoding.UTF8.GetBytes("ERROR: " + e.Message + "\n"), cancellationToken);
            return 1;
        }

        await using Stream stdout = Output.OpenStdout();
        formatted.Position = 0;
        await formatted.CopyToAsync(stdout, cancellationToken);
        return 0;
    }
}
