using System.CommandLine;
using Rho.Fast.Cli.Commands;

namespace Rho.Fast.Cli;

/// <summary>The <c>rho-fast</c> command line: tools for rho session files.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("Tools for rho session files (JSONL): format, show, check and repair them.")
        {
            FmtCommand.Create(),
            ShowCommand.Create(),
        };

        return root.Parse(args).Invoke();
    }
}
