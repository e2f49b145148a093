namespace Rho.Fast.Cli;

/// <summary>The exit codes every command shares; <c>check</c> adds its own scale.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary><c>fmt</c> and <c>show</c>: the file cannot be read (the reference reader rejects it).</summary>
    public const int Unreadable = 1;

    /// <summary><c>search</c>: no message contains the text, as grep reports it.</summary>
    public const int NoMatch = 1;

    /// <summary>A mistake on the command line or an input that is not there: one line on stderr.</summary>
    public const int UserError = 2;

    /// <summary>A repair was refused because it would remove complete entries or the file is not a session: nothing was changed.</summary>
    public const int LeftUnchanged = 3;

    /// <summary>The file is in a format this version does not read (a newer rho's): reported, nothing was changed.</summary>
    public const int UnsupportedFormat = 4;

    /// <summary>Interrupted.</summary>
    public const int Cancelled = 130;
}
