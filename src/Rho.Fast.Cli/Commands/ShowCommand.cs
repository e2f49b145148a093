using System;
using System.CommandLine;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Rho.Fast.Serialization;

namespace Rho.Fast.Cli.Commands;

/// <summary>
/// <c>rho-fast show --json FILE|ID-PREFIX</c>: the repaired messages, one per line, in exactly the
/// bytes the reference prints. A corrupt file prints one line <c>ERROR: ...</c> and exits 1.
/// </summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("FILE|ID-PREFIX") { Description = "A session file, or a prefix of a session id in the current directory's workspace." };
        var json = new Option<bool>("--json") { Description = "Print the repaired messages as JSON, one per line, as the reference reader does." };
        var root = new Option<string?>("--root") { Description = "The sessions folder (default: $HOME/.rho/sessions)." };
        var command = new Command("show", "Show the repaired messages of a session.") { target, json, root };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(target)!, result.GetValue(json), result.GetValue(root), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string target, bool json, string? root, CancellationToken cancellationToken)
    {
        string path;
        try
        {
            path = SessionLocator.Resolve(target, root);
        }
        catch (Exception e) when (e is SessionLookupException or SessionStoreException)
        {
            return Output.Fail(e.Message);
        }

        SessionReadResult read;
        try
        {
            read = await SessionReader.ReadMessagesAsync(path, cancellationToken: cancellationToken);
        }
        catch (SessionFormatException e)
        {
            await using Stream error = Output.OpenStdout();
            await error.WriteAsync(Encoding.UTF8.GetBytes("ERROR: " + e.Message + "\n"), cancellationToken);
            return 1;
        }

        await using Stream stdout = Output.OpenStdout();
        if (json)
        {
            var writer = new StreamBufferWriter(stdout);
            foreach (Message message in read.Messages)
            {
                Wire.Serialize(writer, message);
                stdout.WriteByte((byte)'\n');
            }

            return 0;
        }

        var text = new StreamWriter(stdout, new UTF8Encoding(false));
        Transcript.Write(text, read.Messages);
        await text.FlushAsync(cancellationToken);
        return 0;
    }
}
