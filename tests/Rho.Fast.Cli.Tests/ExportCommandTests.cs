using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rho.Fast.Serialization;
using Rho.Fast.Synthetic;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

public sealed class ExportCommandTests
{
    [Fact]
    public void Html_is_the_default_and_goes_to_stdout_one_article_per_message()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("s.jsonl"));

        CliResult result = CliRun.Run("export", path);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>\n", result.Out);
        Assert.Equal(SessionFixtures.Messages, Regex.Matches(result.Out, "<article class=\"message ").Count);
        Assert.Contains("<dt>History</dt><dd>display</dd>", result.Out);
        Assert.Contains("<h1>Session " + SyntheticSession.Header(3).Id + "</h1>", result.Out);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Markdown_numbers_each_message()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("s.jsonl"));

        CliResult result = CliRun.Run("export", path, "--format", "md");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# Session `" + SyntheticSession.Header(3).Id + "`\n", result.Out);
        Assert.Equal(SessionFixtures.Messages, Regex.Matches(result.Out, "^## \\d+\\. ", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void Json_holds_the_messages_exactly_as_show_json_prints_them()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("s.jsonl"));

        CliResult export = CliRun.Run("export", path, "-f", "json");
        CliResult show = CliRun.Run("show", "--json", path);

        Assert.Equal(0, export.ExitCode);
        string[] lines = export.Out.Split('\n');
        string[] shown = show.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(shown.Length, lines.Length - 3);
        for (int i = 0; i < shown.Length; i++)
        {
            Assert.Equal(shown[i] + (i < shown.Length - 1 ? "," : ""), lines[i + 1]);
        }

        using JsonDocument document = JsonDocument.Parse(export.Out);
        Assert.Equal("display", document.RootElement.GetProperty("history").GetString());
        Assert.Equal(SyntheticSession.Header(3).Id, document.RootElement.GetProperty("session").GetProperty("id").GetString());
    }

    [Fact]
    public void Model_names_the_history_it_exports()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("s.jsonl"));

        using JsonDocument document = JsonDocument.Parse(CliRun.Run("export", path, "--format", "json", "--model").Out);

        Assert.Equal("model", document.RootElement.GetProperty("history").GetString());
        Assert.Equal(SessionFixtures.Messages, document.RootElement.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public void Output_writes_the_file_and_says_so()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("s.jsonl"));
        string target = temp.Combine("out.md");
        File.WriteAllText(target, "old contents that are longer than nothing at all, to be replaced whole");

        CliResult result = CliRun.Run("export", path, "--format", "md", "--output", target);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches("^wrote 40 messages \\([0-9.]+ KB\\) to " + Regex.Escape(target) + "\n$", result.Out);
        Assert.Equal(CliRun.Run("export", path, "--format", "md").Out, File.ReadAllText(target, Encoding.UTF8));
    }

    [Fact]
    public void Output_to_a_folder_names_the_file_after_the_session()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        string folder = store.WorkspaceDirectory("/work/p");
        Directory.CreateDirectory(folder);
        SessionEntry.Header header = SyntheticSession.Header(9);
        SyntheticSession.WriteFile(Path.Combine(folder, header.Timestamp + "_" + header.Id + ".jsonl"), 10, 9);
        string outputs = temp.Combine("exports");
        Directory.CreateDirectory(outputs);

        CliResult html = CliRun.Run("export", header.Id[..8], "--root", store.Root, "--cwd", "/work/p", "-o", outputs);
        CliResult json = CliRun.Run("export", header.Id[..8], "--root", store.Root, "--cwd", "/work/p", "-o", outputs, "-f", "json");

        Assert.Equal(0, html.ExitCode);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(new[] { header.Id + ".html", header.Id + ".json" }, Directory.GetFiles(outputs).Select(Path.GetFileName).Order());
        Assert.Equal(10, Regex.Matches(File.ReadAllText(Path.Combine(outputs, header.Id + ".html")), "<article ").Count);
    }

    [Fact]
    public void The_session_file_is_never_the_output()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("s.jsonl"));
        byte[] before = File.ReadAllBytes(path);

        CliResult result = CliRun.Run("export", path, "--output", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("rho-fast: the output " + path + " is the session file itself; choose another --output\n", result.Stderr);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Mistakes_are_one_line_and_exit_2()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("s.jsonl"));

        CliResult format = CliRun.Run("export", path, "--format", "pdf");
        CliResult folder = CliRun.Run("export", path, "--output", temp.Combine("missing", "x.html"));
        CliResult missing = CliRun.Run("export", temp.Combine("nope.jsonl"));

        Assert.Equal(2, format.ExitCode);
        Assert.Equal("rho-fast: --format takes md, html or json, not 'pdf' (see 'rho-fast export --help')\n", format.Stderr);
        Assert.Equal(2, folder.ExitCode);
        Assert.Equal("rho-fast: no such folder for --output: " + temp.Combine("missing") + "\n", folder.Stderr);
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("rho-fast: no such file: " + temp.Combine("nope.jsonl") + "\n", missing.Stderr);
    }

    [Fact]
    public void A_corrupt_file_prints_the_error_line_and_exits_1()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Corrupt(temp.Combine("s.jsonl"));

        CliResult result = CliRun.Run("export", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith("ERROR: " + path + ": line 5 (byte offset ", result.Stderr);
    }
}
