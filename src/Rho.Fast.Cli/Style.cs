namespace Rho.Fast.Cli;

/// <summary>ANSI colour and weight, or plain text when colour is off.</summary>
internal readonly struct Style(bool enabled)
{
    public bool Enabled => enabled;

    public string Bold(string text) => Wrap("\e[1m", text);

    public string Dim(string text) => Wrap("\e[2m", text);

    public string Red(string text) => Wrap("\e[31m", text);

    public string Green(string text) => Wrap("\e[32m", text);

    public string Yellow(string text) => Wrap("\e[33m", text);

    public string Blue(string text) => Wrap("\e[34m", text);

    public string Magenta(string text) => Wrap("\e[35m", text);

    public string Cyan(string text) => Wrap("\e[36m", text);

    private string Wrap(string code, string text) => enabled ? code + text + "\e[0m" : text;
}
