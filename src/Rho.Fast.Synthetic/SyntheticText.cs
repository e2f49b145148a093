using System.Globalization;
using System.Text;

namespace Rho.Fast.Synthetic;

/// <summary>
/// The text of synthetic sessions: prose, markdown, Rust-like code, shell and search output. Mostly
/// ASCII with the characters that make JSON escaping work: quotes, backslashes, tabs, newlines,
/// ANSI escapes, and some non-ASCII (accents, CJK, Greek, emoji).
/// </summary>
internal static class SyntheticText
{
    private static readonly string[] Words =
    [
        "timeout", "load", "directory", "channel", "argument", "stream", "job", "variant", "line", "rename",
        "workspace", "request", "probably", "unwrap", "flag", "log", "schema", "actually", "all", "compile",
        "trace", "clone", "input", "context", "save", "because", "runtime", "lifetime", "feature", "correctly",
        "call", "need", "match", "add", "offset", "retry", "return", "iterator", "parameter", "config",
        "reader", "crate", "slice", "value", "parse", "model", "refactor", "serialize", "again", "instead",
        "each", "impl", "vector", "run", "closure", "token", "file", "command", "mutex", "borrow",
        "build", "await", "buffer", "that", "validate", "check", "first", "session", "client", "server",
        "thread", "queue", "future", "error", "result", "json", "writer", "prompt", "dependency", "struct",
        "length", "cache", "every", "enum", "type", "trait", "async", "tool", "response", "message",
        "handler", "option", "the", "is", "it", "we", "should", "now", "still", "also", "some", "would",
        "finally", "test", "string", "path", "index", "quickly", "next", "update", "provider", "render",
    ];

    private static readonly string[] Unicode =
    [
        "é", "naïve", "café", "中文", "日本語のテスト", "😀", "🚀", "⚠️", "❌", "✅", "25 °C", "Ελληνικά", "한국어", "→", "≥", "—", "Größe", "señal", "∑ x²",
    ];

    private static readonly string[] Types =
    [
        "Session", "Message", "ToolCall", "Provider", "Result<String>", "Vec<u8>", "PathBuf", "Arc<Mutex<State>>", "Option<usize>", "Config",
        "Response", "HashMap<String, Value>", "Reader", "Writer", "Error", "bool", "u64", "&str",
    ];

    private static readonly string[] Paths =
    [
        "src/main.rs", "src/lib.rs", "src/session.rs", "src/chat/mod.rs", "src/chat/loop.rs", "src/tools/edit.rs", "src/tools/bash.rs",
        "src/util/json.rs", "src/util/paths.rs", "src/provider/anthropic.rs", "src/provider/openai.rs", "src/ui/render.rs",
        "tests/session_roundtrip.rs", "tests/tools.rs", "Cargo.toml", "README.md", "Makefile", "docs/café/naïve.md", "benches/read.rs",
    ];

    private static readonly string[] Commands =
    [
        "cargo build --release 2>&1 | tail -n 40",
        "cargo test --lib -- session --nocapture",
        "cargo clippy --all-targets -- -D warnings",
        "cat Makefile && echo \"exit=$?\" && wc -l src/ui/render.rs",
        "grep -rn \"fn main\" src/ | head -n 20",
        "git diff --stat && git status --short",
        "git log --oneline -n 15",
        "ls -la src/tools",
        "rg -n 'unwrap\\(\\)' src --stats",
        "find . -name '*.rs' -newer Cargo.lock | xargs wc -l",
        "python3 -c 'import json,sys; print(json.load(sys.stdin)[\"name\"])' < package.json",
        "echo \"$HOME\" && printf 'a\\tb\\n'",
    ];

    private static readonly string[] ExitCodes = ["1", "2", "101", "124"];

    public static string Word(ref SplitMix64 rng) => rng.Pick(Words);

    public static string Path(ref SplitMix64 rng) => rng.Pick(Paths);

    public static string Command(ref SplitMix64 rng) => rng.Pick(Commands);

    public static string Identifier(ref SplitMix64 rng)
    {
        int parts = rng.Between(1, 3);
        string name = rng.Pick(Words);
        for (int i = 1; i < parts; i++)
        {
            name += "_" + rng.Pick(Words);
        }

        return name;
    }

    public static string TypeName(ref SplitMix64 rng)
    {
        if (rng.Percent(50))
        {
            return rng.Pick(Types);
        }

        string a = rng.Pick(Words);
        string b = rng.Pick(Words);
        return char.ToUpperInvariant(a[0]) + a[1..] + char.ToUpperInvariant(b[0]) + b[1..];
    }

    /// <summary>One sentence of conversation prose, sometimes with code spans and non-ASCII.</summary>
    public static void Sentence(ref SplitMix64 rng, StringBuilder text)
    {
        int count = rng.Between(5, 22);
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            int kind = rng.Below(40);
            if (kind == 0)
            {
                text.Append(rng.Pick(Unicode));
            }
            else if (kind == 1)
            {
                text.Append('`').Append(Identifier(ref rng)).Append("()`");
            }
            else if (kind == 2)
            {
                text.Append('`').Append(rng.Pick(Paths)).Append('`');
            }
            else if (kind == 3)
            {
                text.Append(rng.Between(2, 99999).ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                string word = rng.Pick(Words);
                if (i == 0)
                {
                    text.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
                }
                else
                {
                    text.Append(word);
                }
            }
        }

        text.Append(rng.Below(10) switch { 0 => "?", 1 => "!", 2 => ":", _ => "." });
    }

    /// <summary>Prose of roughly <paramref name="chars"/> characters.</summary>
    public static void Prose(ref SplitMix64 rng, StringBuilder text, int chars)
    {
        int end = text.Length + chars;
        Sentence(ref rng, text);
        while (text.Length < end)
        {
            text.Append(rng.Percent(15) ? "\n\n" : " ");
            Sentence(ref rng, text);
        }
    }

    /// <summary>An assistant answer of roughly <paramref name="chars"/> characters: paragraphs, lists, a code fence, a table.</summary>
    public static void Markdown(ref SplitMix64 rng, StringBuilder text, int chars)
    {
        int end = text.Length + chars;
        Sentence(ref rng, text);
        while (text.Length < end)
        {
            text.Append("\n\n");
            switch (rng.Below(6))
            {
                case 0:
                    for (int i = rng.Between(2, 5); i > 0; i--)
                    {
                        text.Append("- ");
                        Sentence(ref rng, text);
                        text.Append('\n');
                    }

                    break;
                case 1:
                    text.Append("```rust\n");
                    Code(ref rng, text, rng.Between(120, 900), numberedFrom: 0);
                    text.Append("```");
                    break;
                case 2:
                    text.Append("| ").Append(TypeName(ref rng)).Append(" | ").Append(Word(ref rng)).Append(" |\n|---|---|\n");
                    for (int i = rng.Between(2, 6); i > 0; i--)
                    {
                        text.Append("| `").Append(Identifier(ref rng)).Append("` | ");
                        text.Append(rng.Percent(30) ? rng.Pick(Unicode) : rng.Between(0, 99999).ToString(CultureInfo.InvariantCulture)).Append(" |\n");
                    }

                    break;
                default:
                    for (int i = rng.Between(1, 4); i > 0; i--)
                    {
                        Sentence(ref rng, text);
                        text.Append(' ');
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Rust-like source of roughly <paramref name="chars"/> characters, one line per <c>\n</c>; with
    /// <paramref name="numberedFrom"/> &gt; 0, each line is prefixed <c>"   41\t"</c> as a file reader shows it.
    /// </summary>
    public static void Code(ref SplitMix64 rng, StringBuilder text, int chars, int numberedFrom)
    {
        int end = text.Length + chars;
        int number = numberedFrom;
        int indent = 0;
        while (text.Length < end)
        {
            if (numberedFrom > 0)
            {
                text.Append(number.ToString(CultureInfo.InvariantCulture).PadLeft(6)).Append('\t');
                number++;
            }

            text.Append(' ', indent * 4);
            CodeLine(ref rng, text, ref indent);
            text.Append('\n');
        }
    }

    private static void CodeLine(ref SplitMix64 rng, StringBuilder text, ref int indent)
    {
        string a = Identifier(ref rng);
        switch (rng.Below(16))
        {
            case 0:
                text.Append("let re = Regex::new(r\"^(\\w+)\\s*=\\s*(\\d+)$\").unwrap();");
                break;
            case 1:
                text.Append("writeln!(out, \"{}: {:?}\", ").Append(a).Append(", ").Append(Identifier(ref rng)).Append(")?;");
                break;
            case 2:
                text.Append(a).Append(".push_str(\"").Append(Word(ref rng)).Append(" \\\"").Append(Word(ref rng)).Append("\\\"\\n\");");
                break;
            case 3:
                text.Append("let path = PathBuf::from(\"").Append(rng.Percent(20) ? "C:\\\\Users\\\\dev\\\\" + a + ".rs" : Path(ref rng)).Append("\");");
                break;
            case 4:
                text.Append("// ");
                Sentence(ref rng, text);
                break;
            case 5 when indent < 3:
                text.Append("fn ").Append(a).Append('(').Append(Identifier(ref rng)).Append(": &").Append(TypeName(ref rng)).Append(") -> Result<").Append(TypeName(ref rng)).Append("> {");
                indent++;
                break;
            case 6 when indent > 0:
                text.Length -= 4;
                text.Append('}');
                indent--;
                break;
            case 7:
                text.Append("assert_eq!(").Append(a).Append(".len(), ").Append(rng.Between(0, 4096).ToString(CultureInfo.InvariantCulture)).Append(");");
                break;
            case 8:
                text.Append("#[derive(Debug, Clone, Serialize, Deserialize)]");
                break;
            case 9:
                text.Append("match ").Append(a).Append(" { Some(v) => v, None => bail!(\"missing ").Append(Word(ref rng)).Append("\"), }");
                break;
            case 10:
                text.Append("self.").Append(a).Append(" = ").Append(TypeName(ref rng)).Append("::new(").Append(rng.Between(0, 999).ToString(CultureInfo.InvariantCulture)).Append(");");
                break;
            case 11:
                text.Append("println!(\"").Append(rng.Pick(Unicode)).Append(" {}\\t{}\", ").Append(a).Append(", ").Append(Identifier(ref rng)).Append(");");
                break;
            case 12:
                text.Append("if ").Append(a).Append(".is_empty() { return Ok(None); }");
                break;
            case 13:
                text.Append("use ").Append(Word(ref rng)).Append("::{").Append(TypeName(ref rng)).Append(", ").Append(TypeName(ref rng)).Append("};");
                break;
            default:
                text.Append("let ").Append(a).Append(" = ").Append(Identifier(ref rng)).Append('.').Append(Word(ref rng)).Append("()?;");
                break;
        }
    }

    /// <summary>Shell output of roughly <paramref name="chars"/> characters: compiler, test or git output, sometimes with ANSI colours and CRLF.</summary>
    public static void ShellOutput(ref SplitMix64 rng, StringBuilder text, int chars)
    {
        int end = text.Length + chars;
        int style = rng.Below(4);
        string newline = rng.OneIn(12) ? "\r\n" : "\n";
        while (text.Length < end)
        {
            switch (style)
            {
                case 0:
                    text.Append("\u001b[0m\u001b[1m\u001b[32m   Compiling\u001b[0m ").Append(Word(ref rng)).Append(" v0.").Append(rng.Below(30).ToString(CultureInfo.InvariantCulture)).Append(".0 (/home/u/proj)").Append(newline);
                    if (rng.OneIn(4))
                    {
                        text.Append("error[E0308]: mismatched types").Append(newline)
                            .Append("  --> ").Append(Path(ref rng)).Append(':').Append(rng.Between(1, 900).ToString(CultureInfo.InvariantCulture)).Append(":9").Append(newline)
                            .Append("   |").Append(newline)
                            .Append(rng.Between(1, 900).ToString(CultureInfo.InvariantCulture)).Append(" |     let ").Append(Identifier(ref rng)).Append(": usize = \"").Append(Word(ref rng)).Append("\";").Append(newline)
                            .Append("   |     ^^^^^ expected `usize`, found `&str`").Append(newline);
                    }

                    break;
                case 1:
                    text.Append("test ").Append(Word(ref rng)).Append("::tests::").Append(Identifier(ref rng)).Append(" ... ").Append(rng.OneIn(8) ? "\u001b[31mFAILED\u001b[0m" : "ok").Append(newline);
                    break;
                case 2:
                    text.Append(rng.Next().ToString("x16", CultureInfo.InvariantCulture), 0, 7).Append(' ');
                    Sentence(ref rng, text);
                    text.Append(newline);
                    break;
                default:
                    text.Append("-rw-r--r--  1 u u ").Append(rng.Between(10, 99999).ToString(CultureInfo.InvariantCulture).PadLeft(6)).Append(" Sep 14 09:").Append(rng.Between(10, 59).ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Identifier(ref rng)).Append(".rs").Append(newline);
                    break;
            }
        }
    }

    /// <summary>Search hits, <c>path:line:text</c>, of roughly <paramref name="chars"/> characters.</summary>
    public static void SearchHits(ref SplitMix64 rng, StringBuilder text, int chars)
    {
        int end = text.Length + chars;
        int indent = 1;
        while (text.Length < end)
        {
            text.Append(Path(ref rng)).Append(':').Append(rng.Between(1, 2000).ToString(CultureInfo.InvariantCulture)).Append(":    ");
            CodeLine(ref rng, text, ref indent);
            indent = 1;
            text.Append('\n');
        }
    }

    /// <summary>A directory tree of roughly <paramref name="chars"/> characters.</summary>
    public static void DirectoryTree(ref SplitMix64 rng, StringBuilder text, int chars)
    {
        int end = text.Length + chars;
        while (text.Length < end)
        {
            int depth = rng.Below(3);
            text.Append(' ', depth * 2).Append(depth == 0 ? "├── " : "│   └── ").Append(Identifier(ref rng));
            text.Append(rng.Percent(70) ? ".rs\n" : "/\n");
        }
    }

    /// <summary>A failed tool's message.</summary>
    public static void Failure(ref SplitMix64 rng, StringBuilder text, string tool)
    {
        switch (tool)
        {
            case "read_file":
            case "list_dir":
                text.Append("No such file or directory (os error 2): ").Append(Path(ref rng));
                break;
            case "edit_file":
                text.Append("old_text not found in ").Append(Path(ref rng)).Append(": \"").Append(Identifier(ref rng)).Append("\" (0 matches; the file may have changed since it was read)");
                break;
            case "bash":
                text.Append("command exited with status ").Append(rng.Pick(ExitCodes)).Append("\nstderr:\n");
                ShellOutput(ref rng, text, rng.Between(40, 1500));
                break;
            default:
                text.Append("error: ");
                Sentence(ref rng, text);
                break;
        }
    }
}
