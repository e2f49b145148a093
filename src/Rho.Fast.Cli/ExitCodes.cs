namespace Rho.Fast.Cli;

/// <summary>The exit codes every command shares; <c>check</c> adds its own scale.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary><c>fmt</c> and <c>show</c>: the file cannot be read (the reference reader rejects it).</summary>
    public const int Unreadable = 1;

    /// <summary>A mistake on the command line or an input that is not there: one line on stderr.</summary>
    public const int UserError = 2;

    /// <summary>Interrupted.</summary>
    public const int Cancelled = 130;
}
