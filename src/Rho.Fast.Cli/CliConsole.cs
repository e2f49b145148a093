using System;
using System.IO;
using System.Text;

namespace Rho.Fast.Cli;

/// <summary>
/// Where a command writes: standard output as raw bytes (session lines go out unchanged) or as
/// UTF-8 text, standard error for one-line messages, and what the output device can show.
/// </summary>
internal sealed class CliConsole
{
    private readonly Stream _output;

    /// <param name="output">Standard output; left open.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="width">The terminal's width in columns for cutting long lines, 0 for no limit.</param>
    /// <param name="color">Whether ANSI colour may be written to standard output.</param>
    /// <param name="errorIsTerminal">Whether standard error is a terminal (progress lines are redrawn in place).</param>
    public CliConsole(Stream output, TextWriter error, int width = 0, bool color = false, bool errorIsTerminal = false)
    {
        _output = output;
        Out = new StreamWriter(output, new UTF8Encoding(false), 1 << 14, leaveOpen: true) { NewLine = "\n" };
        Error = error;
        Width = width;
        Color = color;
        ErrorIsTerminal = errorIsTerminal;
    }

    /// <summary>Standard output as text, flushed when the command ends.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>The terminal's width in columns, or 0 when standard output is not a terminal.</summary>
    public int Width { get; }

    /// <summary>Whether ANSI colour may be written to standard output.</summary>
    public bool Color { get; }

    /// <summary>Whether standard error is a terminal.</summary>
    public bool ErrorIsTerminal { get; }

    /// <summary>The process's console: colour only on a terminal and without <c>NO_COLOR</c>.</summary>
    public static CliConsole FromSystem()
    {
        bool terminal = !Console.IsOutputRedirected;
        int width = 0;
        if (terminal)
        {
            try
            {
                width = Console.WindowWidth;
            }
            catch (IOException)
            {
                // No window size (a terminal that does not report one): no cutting.
            }
        }

        bool color = terminal
            && Environment.GetEnvironmentVariable("NO_COLOR") is null
            && Environment.GetEnvironmentVariable("TERM") != "dumb";
        var error = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        return new CliConsole(new BufferedStream(Console.OpenStandardOutput(), 1 << 16), error, width, color, !Console.IsErrorRedirected);
    }

    /// <summary>Standard output as bytes, after any text written before.</summary>
    public Stream RawOut()
    {
        Out.Flush();
        return _output;
    }

    /// <summary>One line on standard error for a user's mistake or an unusable input: no stack trace.</summary>
    public int Fail(string message, int exitCode = ExitCodes.UserError)
    {
        Out.Flush();
        Error.WriteLine("rho-fast: " + message);
        return exitCode;
    }

    /// <summary>
    /// How <c>fmt</c> and <c>show</c> fail on an unreadable file: the reference reader's one line
    /// <c>ERROR: ...</c>, but on standard error like every other error, and exit code 1.
    /// </summary>
    public int ErrorLine(SessionFormatException error)
    {
        Out.Flush();
        Error.WriteLine("ERROR: " + Locations.Describe(error));
        return ExitCodes.Unreadable;
    }

    /// <summary>Writes everything buffered to the device.</summary>
    public void Flush()
    {
        Out.Flush();
        _output.Flush();
        Error.Flush();
    }
}
