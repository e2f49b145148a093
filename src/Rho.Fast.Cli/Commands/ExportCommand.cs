using System;
using System.CommandLine;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Rho.Fast.Export;

namespace Rho.Fast.Cli.Commands;

/// <summary>
/// <c>rho-fast export FILE|ID-PREFIX [--format md|html|json] [--output PATH] [--model]</c>: a session as
/// a self-contained HTML page (the default), a Markdown transcript, or a JSON document, on standard
/// output or into a file.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var target = new Argument<string>("FILE|ID-PREFIX") { Description = "A session file, or a prefix of a session id in the working directory's workspace." }.RejectOptionLike();
        var format = new Option<string>("--format", "-f")
        {
            Description = "html: one self-contained page; md: a Markdown transcript; json: {\"session\":...,\"history\":...,\"messages\":[...]} with serde_json's bytes of each message.",
            HelpName = "md|html|json",
            DefaultValueFactory = _ => "html",
        };
        format.CustomParser = result =>
        {
            // One line, as every other bad value is reported.
            string value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (value is "md" or "html" or "json")
            {
                return value;
            }

            result.AddError("--format takes md, html or json, not '" + value + "'");
            return "html";
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write to this file instead of standard output (replaced if it exists); a folder gets <session id>.<md|html|json> in it.",
            HelpName = "PATH",
        };
        var model = new Option<bool>("--model") { Description = "Export the history sent to the model instead of the one shown to the user." };
        Option<string?> root = CommonOptions.Root();
        Option<string?> cwd = CommonOptions.Cwd();
        Option<int> maxLineLength = CommonOptions.MaxLineLength();
        var command = new Command("export", "Export a session's repaired messages as an HTML page, a Markdown transcript or a JSON document.")
        {
            target, format, output, model, root, cwd, maxLineLength,
        };
        HelpNotes.Set(command, "Examples:\n  rho-fast export 9b1b61f3 -o .            # ./<session id>.html\n  rho-fast export session.jsonl --format md > session.md\n" +
            "Long tool output, arguments and system prompts are folded. The page loads nothing and runs no script.\n" +
            "Exit codes: 0 exported; 1 the file is corrupt before its last line; 2 no such file or session, or a mistake; 4 a newer format.");
        CommandAction.Set(command, console, (result, cancellationToken) =>
            RunAsync(console, result.GetValue(target)!, result.GetValue(format)!, result.GetValue(output), result.GetValue(model),
                result.GetValue(root), result.GetValue(cwd), CommonOptions.Reading(result.GetValue(maxLineLength)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string target, string format, string? output, bool model, string? root, string? cwd,
        SessionReadOptions reading, CancellationToken cancellationToken)
    {
        string path = SessionLocator.Resolve(target, root, cwd);
        ExportHistory history;
        try
        {
            history = await ExportSource.LoadAsync(path, model, reading, cancellationToken);
        }
        catch (SessionFormatException e)
        {
            return console.ErrorLine(e);
        }

        var options = new SessionExportOptions { Header = history.Summary.Header, History = history.Name };
        if (output is null)
        {
            Write(history, format, options, console.Out, console.RawOut);
            return ExitCodes.Ok;
        }

        string file = OutputFile(output, path, history.Summary.Header, format);
        using (var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.Read))
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            Write(history, format, options, text, () =>
            {
                text.Flush();
                return stream;
            });
            text.Flush();
        }

        console.Out.WriteLine("wrote " + Formats.Count(history.Messages.Count, "message") + " (" + Formats.Size(new FileInfo(file).Length) + ") to " + file);
        return ExitCodes.Ok;
    }

    private static void Write(ExportHistory history, string format, SessionExportOptions options, TextWriter text, Func<Stream> bytes)
    {
        switch (format)
        {
            case "md":
                SessionExport.WriteMarkdown(history.Messages, text, options);
                break;
            case "json":
                SessionExport.WriteJson(history.Messages, new StreamBufferWriter(bytes()), options);
                break;
            default:
                SessionExport.WriteHtml(history.Messages, text, options);
                break;
        }
    }

    /// <summary>
    /// The file to write, spelled as given: PATH itself, or in a folder PATH the session's id with the
    /// format's extension; never the session file.
    /// </summary>
    private static string OutputFile(string output, string session, SessionEntry.Header? header, string format)
    {
        string file = output;
        if (Directory.Exists(output))
        {
            string id = header?.Id ?? SessionStore.IdOf(session) ?? Path.GetFileNameWithoutExtension(session);
            file = Path.Combine(output, SafeName(id) + "." + format);
        }

        string full = Path.GetFullPath(file);
        if (string.Equals(full, Path.GetFullPath(session), StringComparison.Ordinal))
        {
            throw new UsageException("the output " + full + " is the session file itself; choose another --output");
        }

        string? folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UsageException("no such folder for --output: " + folder);
        }

        return file;
    }

    /// <summary>An id from a file's header as a file name: separators and control characters replaced.</summary>
    private static string SafeName(string id)
    {
        var name = new StringBuilder(id.Length);
        foreach (char c in id)
        {
            name.Append(c is '/' or '\\' or < ' ' ? '_' : c);
        }

        return name.Length == 0 || name.ToString() is "." or ".." ? "session" : name.ToString();
    }
}
