using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast.Cli.Commands;

/// <summary>
/// <c>rho-fast search TEXT [--all-projects] [--json] [--limit N]</c>: the messages of the workspace's
/// sessions (or every workspace's) whose text contains TEXT, ignoring case: newest session first, one
/// line per message with the session id, the message number and the text around the match.
/// </summary>
internal static class SearchCommand
{
    private const int ShortId = 8;
    private const int DefaultLimit = 100;

    private static readonly JsonWriterOptions JsonLines = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliConsole console)
    {
        var text = new Argument<string>("TEXT") { Description = "What to find, ignoring case; put it after -- if it starts with '-'." };
        var allProjects = new Option<bool>("--all-projects", "-a") { Description = "Search the sessions of every working directory in the store, not only this one's." };
        var json = new Option<bool>("--json") { Description = "One JSON object per hit: session, path, index (from 0), role, before, match, after." };
        Option<int> limit = WholeNumberOption.Create("--limit", "-n", 1, int.MaxValue, "Stop after this many hits.", "N");
        limit.DefaultValueFactory = _ => DefaultLimit;
        Option<string?> root = CommonOptions.Root();
        Option<string?> cwd = CommonOptions.Cwd();
        var command = new Command(
            "search",
            "Find text in the messages of the working directory's sessions (or all, with --all-projects), ignoring case: session id, message number and the text around it.")
        {
            text, allProjects, json, limit, root, cwd,
        };
        HelpNotes.Set(command, "Looks in system prompts, user and assistant text, tool output and tool-call arguments; not in ids, tool names or JSON keys.\n" +
            "Newest session first, one hit per message. #N is the message's number as 'rho-fast show' prints it; --json's index is N-1.\n" +
            "Examples:\n  rho-fast search 'permission denied'\n  rho-fast search --all-projects --json TODO\n" +
            "Exit codes: 0 found; 1 no message contains the text; 2 a mistake.");
        CommandAction.Set(command, console, (result, cancellationToken) =>
        {
            string needle = result.GetValue(text)!;
            if (needle.StartsWith('-') && needle.Length > 1 && !AfterDoubleDash(result))
            {
                throw new UsageException("unknown option '" + needle + "' (to search for text that starts with '-', put it after --)");
            }

            return Task.FromResult(Run(console, needle, result.GetValue(allProjects), result.GetValue(json), result.GetValue(limit),
                result.GetValue(root), result.GetValue(cwd), cancellationToken));
        });
        return command;
    }

    private static bool AfterDoubleDash(ParseResult result)
    {
        foreach (Token token in result.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                return true;
            }
        }

        return false;
    }

    private static int Run(CliConsole console, string needle, bool allProjects, bool json, int limit, string? root, string? cwd, CancellationToken cancellationToken)
    {
        SessionStore store = CommonOptions.Store(root);
        string? workspace = allProjects ? null : CommonOptions.Workspace(cwd);
        var search = new SessionSearch(needle);
        var style = new Style(console.Color && !json);
        Stream? raw = json ? console.RawOut() : null;
        using var writer = raw is null ? null : new Utf8JsonWriter(raw, JsonLines);
        int hits = 0;
        foreach (SessionSearchHit hit in search.SearchStore(store, workspace, cancellationToken))
        {
            if (writer is not null)
            {
                WriteJson(writer, raw!, hit);
            }
            else
            {
                WriteLine(console.Out, style, hit);
            }

            if (++hits == limit)
            {
                break;
            }
        }

        writer?.Flush();
        if (hits == limit)
        {
            console.Out.Flush();
            console.Error.WriteLine("rho-fast: stopped at " + Formats.Count(limit, "hit") + "; give --limit N for more");
        }
        else if (hits == 0)
        {
            string where = workspace is null ? "any workspace under " + store.Root : "the sessions of " + workspace + " in " + store.Root;
            console.Out.Flush();
            console.Error.WriteLine("rho-fast: no message contains '" + Printable.Line(needle) + "' in " + where);
            return ExitCodes.NoMatch;
        }

        return ExitCodes.Ok;
    }

    /// <summary>"9b1b61f3  #12  assistant  …text around the match…", the match in bold when colour is on.</summary>
    private static void WriteLine(TextWriter output, Style style, SessionSearchHit hit)
    {
        string id = hit.SessionId.Length > ShortId ? hit.SessionId[..ShortId] : hit.SessionId;
        string snippet = Printable.Line(hit.Snippet);
        output.WriteLine(style.Yellow(Printable.Line(id)) + "  " + style.Bold("#" + (hit.MessageIndex + 1)) + "  " + style.Dim(MessageRole.Of(hit.Message)) + "  "
            + snippet[..hit.MatchStart] + style.Red(style.Bold(snippet.Substring(hit.MatchStart, hit.MatchLength))) + snippet[(hit.MatchStart + hit.MatchLength)..]);
    }

    private static void WriteJson(Utf8JsonWriter writer, Stream raw, SessionSearchHit hit)
    {
        writer.WriteStartObject();
        writer.WriteString("session", hit.SessionId);
        writer.WriteString("path", hit.Path);
        writer.WriteNumber("index", hit.MessageIndex);
        writer.WriteString("role", MessageRole.Of(hit.Message));
        writer.WriteString("before", hit.Snippet.AsSpan(0, hit.MatchStart));
        writer.WriteString("match", hit.Snippet.AsSpan(hit.MatchStart, hit.MatchLength));
        writer.WriteString("after", hit.Snippet.AsSpan(hit.MatchStart + hit.MatchLength));
        writer.WriteEndObject();
        writer.Flush();
        raw.WriteByte((byte)'\n');
        writer.Reset();
    }
}
