using System.CommandLine;
using System.IO;
using System.Threading.Tasks;
using Rho.Fast.Synthetic;

namespace Rho.Fast.Cli.Commands;

/// <summary>
/// <c>rho-fast gen FILE --messages N [--seed S] [--format 1|4]</c>: a synthetic coding session, the
/// same bytes for the same seed on every machine. Format 1 is this library's own; format 4 is a tree
/// session as rho 1.47 writes it. With <c>--root</c> instead of FILE, a new format-1 session in the store.
/// </summary>
internal static class GenCommand
{
    public const ulong DefaultSeed = 1;

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string?>("FILE") { Description = "The file to write.", Arity = ArgumentArity.ZeroOrOne }.RejectOptionLike(existingFileAllowed: false);
        Option<int> messages = WholeNumberOption.Create("--messages", "-n", 0, int.MaxValue, "How many messages.", "N");
        messages.Required = true;
        Option<ulong> seed = WholeNumberOption.Create("--seed", null, ulong.MinValue, ulong.MaxValue, "Selects the conversation.", "S");
        seed.DefaultValueFactory = _ => DefaultSeed;
        var format = new Option<uint>("--format")
        {
            Description = "1: one message per line, the format this library writes (default). 4: a conversation tree as rho 1.47 writes it (nodes with snapshots and deltas, compactions, branches).",
            HelpName = "1|4",
            DefaultValueFactory = _ => 1,
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (text is "1" or "4")
                {
                    return text == "4" ? 4u : 1u;
                }

                result.AddError("--format takes 1 or 4, not '" + text + "'");
                return 1;
            },
        };
        var force = new Option<bool>("--force") { Description = "Overwrite FILE if it exists." };
        Option<string?> root = CommonOptions.Root();
        root.Description = "Instead of FILE, write a new session of the working directory into this sessions folder (its id and times are new).";
        Option<string?> cwd = CommonOptions.Cwd();
        cwd.Description = "With --root: the working directory the session belongs to (default: the current directory).";
        var command = new Command(
            "gen",
            "Write a synthetic coding session: a system prompt, user prompts, tool turns (some failed) and answers, with every awkward character. " +
            "The same seed gives the same bytes. --format 4 writes a conversation tree as rho 1.47 does.")
        {
            file, messages, seed, format, force, root, cwd,
        };
        command.Validators.Add(result =>
        {
            // Tokens, not values: reading a value here converts it before its own validators run, and they then never do.
            if ((result.GetResult(file) is { Tokens.Count: > 0 }) == (result.GetResult(root) is not null))
            {
                result.AddError("give either FILE or --root");
            }

            if (result.GetResult(format) is { Tokens: [.., { Value: "4" }] } && result.GetResult(root) is not null)
            {
                result.AddError("--root writes format 1; write a format-4 session to FILE instead");
            }
        });
        HelpNotes.Set(command, "Examples:\n  rho-fast gen big.jsonl --messages 100000 --seed 7\n  rho-fast gen tree.jsonl --messages 5000 --format 4\n  rho-fast gen --root /tmp/sessions --cwd /work/project --messages 200");
        CommandAction.Set(command, console, (result, _) => Task.FromResult(
            result.GetValue(file) is { } path
                ? WriteFile(console, path, result.GetValue(messages), result.GetValue(seed), result.GetValue(format), result.GetValue(force))
                : WriteSession(console, result.GetValue(root)!, result.GetValue(cwd), result.GetValue(messages), result.GetValue(seed))));
        return command;
    }

    private static int WriteFile(CliConsole console, string path, int messages, ulong seed, uint format, bool force)
    {
        if (!force && File.Exists(path))
        {
            return console.Fail(path + " exists; use --force to overwrite it");
        }

        if (format == 4)
        {
            // A tree session's nodes hold several messages each: it ends after the node that reaches the count.
            SyntheticTreeFile tree = SyntheticTreeSession.WriteFileOfMessages(path, messages, seed);
            console.Out.WriteLine("wrote " + Formats.Count(tree.MessageCount, "message") + " in " + Formats.Count(tree.EntryCount, "entry", "entries")
                + " (" + Formats.Size(tree.Length) + ", format 4) to " + path);
            return ExitCodes.Ok;
        }

        long length = SyntheticSession.WriteFile(path, messages, seed);
        console.Out.WriteLine("wrote " + Formats.Count(messages, "message") + " (" + Formats.Size(length) + ") to " + path);
        return ExitCodes.Ok;
    }

    private static int WriteSession(CliConsole console, string root, string? cwd, int messages, ulong seed)
    {
        using Session session = new SessionStore(root).Create(CommonOptions.Workspace(cwd));
        session.AppendRange(SyntheticSession.Messages(messages, seed));
        console.Out.WriteLine("wrote " + Formats.Count(messages, "message") + " (" + Formats.Size(new FileInfo(session.Path).Length) + ") to " + session.Path);
        return ExitCodes.Ok;
    }
}
