using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Rho.Fast.Serialization;

namespace Rho.Fast.Cli.Commands;

/// <summary>
/// <c>rho-fast follow [--json] FILE|ID-PREFIX</c>: the messages of a session as <c>show</c> prints
/// them, then each message as a writer appends it, until interrupted. A line still being written is
/// printed once it is complete; a resume's cut and a salvage's rename are followed through.
/// </summary>
internal static class FollowCommand
{
    public static Command Create(CliConsole console)
    {
        var target = new Argument<string>("FILE|ID-PREFIX") { Description = "A session file, or a prefix of a session id in the working directory's workspace." }.RejectOptionLike();
        var json = new Option<bool>("--json") { Description = "Print each message as JSON, one per line, as 'show --json' does." };
        Option<string?> root = CommonOptions.Root();
        Option<string?> cwd = CommonOptions.Cwd();
        Option<int> maxLineLength = CommonOptions.MaxLineLength();
        var command = new Command(
            "follow",
            "Show a session's messages as 'show' does, then each message as it is appended, until interrupted (Ctrl-C).")
        {
            target, json, root, cwd, maxLineLength,
        };
        HelpNotes.Set(command, "Every message is printed as written: a tool turn is shown before its results arrive, and headers and entries of other kinds\n" +
            "are not printed. A line still being written is printed once its newline is there. Entries of a newer rho are skipped with a note on stderr.\n" +
            "Exit codes: 0 interrupted (Ctrl-C, or SIGTERM); 1 a damaged line, or the file was rewritten while followed (one line 'ERROR: ...' on stderr);\n" +
            "  2 no such file or session, or a mistake; 4 the file is in a format this version does not read.");
        CommandAction.Set(command, console, (result, cancellationToken) =>
            RunAsync(console, result.GetValue(target)!, result.GetValue(json), result.GetValue(root), result.GetValue(cwd),
                result.GetValue(maxLineLength), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string target, bool json, string? root, string? cwd, int maxLineLength, CancellationToken cancellationToken)
    {
        string path = SessionLocator.Resolve(target, root, cwd);
        using var interruption = new Interruption(cancellationToken);
        cancellationToken = interruption.Token;
        var options = new SessionFollowOptions
        {
            MaxLineLength = maxLineLength,
            OnUnknownEntry = issue => console.Error.WriteLine("rho-fast: " + path + ": " + Locations.Where(issue) + ": skipped: " + issue.Reason),
        };
        var transcript = new Transcript(console.Out, new Style(console.Color));
        Stream? stdout = json ? console.RawOut() : null;
        StreamBufferWriter? raw = stdout is null ? null : new StreamBufferWriter(stdout);
        bool headerShown = false;
        int number = 0;
        IAsyncEnumerator<SessionEntry> entries = SessionReader.FollowAsync(path, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                ValueTask<bool> next = entries.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    // Waiting for the writer: what was printed so far must be seen now.
                    console.Flush();
                }

                if (!await next)
                {
                    return ExitCodes.Ok;
                }

                switch (entries.Current)
                {
                    case SessionEntry.MessageEntry { Body: var message } when raw is not null:
                        Wire.Serialize(raw, message);
                        stdout!.WriteByte((byte)'\n');
                        break;
                    case SessionEntry.MessageEntry { Body: var message }:
                        transcript.WriteMessage(++number, message);
                        break;
                    case SessionEntry.Header header when raw is null && !headerShown:
                        headerShown = true;
                        transcript.WriteHeader(header);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C is how following ends.
            return ExitCodes.Ok;
        }
        catch (SessionFormatException e)
        {
            return console.ErrorLine(e);
        }
        finally
        {
            await entries.DisposeAsync();
        }
    }
}
