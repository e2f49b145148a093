using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Rho.Fast.Cli;

/// <summary>
/// What <c>rho-fast --version</c> prints: this assembly's version, which is the version of the
/// package, without the <c>+commit</c> the build appends to the informational version.
/// </summary>
internal static class CliVersion
{
    /// <summary>The version, such as <c>0.2.0</c>.</summary>
    public static string Text { get; } = Read();

    /// <summary>Makes the root's <c>--version</c> print <see cref="Text"/>.</summary>
    public static void Install(RootCommand root)
    {
        // The standard action prints the entry assembly's version: the test host's, when the CLI runs in-process.
        foreach (Option option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new PrintVersion();
            }
        }
    }

    private static string Read()
    {
        string version = typeof(CliVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        int plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        // As the standard action: the version prints even where other parts of the line did not parse.
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Text);
            return 0;
        }
    }
}
