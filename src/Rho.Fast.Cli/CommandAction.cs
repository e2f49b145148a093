using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast.Cli;

/// <summary>Runs a command's body, turning the failures a user can cause into one line on stderr.</summary>
internal static class CommandAction
{
    public static void Set(Command command, CliConsole console, Func<ParseResult, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                return await body(result, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return console.Fail("interrupted", ExitCodes.Cancelled);
            }
            catch (UnsupportedSessionFormatException e)
            {
                return console.Fail(e.Message, ExitCodes.UnsupportedFormat);
            }
            catch (SessionRepairRefusedException e)
            {
                return console.Fail(e.Message, ExitCodes.LeftUnchanged);
            }
            catch (Exception e) when (IsUserFacing(e))
            {
                return console.Fail(Describe(e));
            }
        });
    }

    /// <summary>The command line's, the library's and the file system's exceptions for bad input: missing files, bad prefixes, an unset HOME.</summary>
    public static bool IsUserFacing(Exception e) =>
        e is UsageException or SessionLookupException or SessionStoreException or SessionFormatException or IOException or UnauthorizedAccessException or ArgumentException;

    /// <summary>The exception's message without the parameter name .NET appends to argument errors, and a bad line located as every command locates it.</summary>
    public static string Describe(Exception e)
    {
        if (e is SessionFormatException format)
        {
            return Locations.Describe(format);
        }

        if (e is ArgumentException { ParamName: { } name } argument)
        {
            return argument.Message.Replace(" (Parameter '" + name + "')", "", StringComparison.Ordinal);
        }

        return e.Message;
    }
}
