using System.CommandLine;
using System.IO;

namespace Rho.Fast.Cli;

/// <summary>FILE arguments: what is not a file to read, and options mistaken for files.</summary>
internal static class InputFiles
{
    /// <summary>
    /// Makes a value that looks like an option an unknown option. System.CommandLine hands an
    /// unknown <c>--bogus</c> to a command's FILE argument, which would then be reported as a missing
    /// file (or, for a file to write, created); an existing file of that name is still read.
    /// </summary>
    public static TArgument RejectOptionLike<TArgument>(this TArgument argument, bool existingFileAllowed = true)
        where TArgument : Argument
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                string value = token.Value;
                if (value.Length > 1 && value[0] == '-' && !(existingFileAllowed && File.Exists(value)))
                {
                    result.AddError("unknown option '" + value + "'");
                    return;
                }
            }
        });
        return argument;
    }

    /// <summary>Why <paramref name="path"/> cannot be read as a file, or <see langword="null"/> when it is one.</summary>
    public static string? Problem(string path) =>
        File.Exists(path) ? null
        : Directory.Exists(path) ? path + " is a directory, not a file"
        : "no such file: " + path;
}
