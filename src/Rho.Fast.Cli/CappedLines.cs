using System.IO;

namespace Rho.Fast.Cli;

/// <summary>
/// Per-line reports (one line per damaged line of a file) cut to the first few, then a count of
/// the rest: a file of random bytes would otherwise print a line for every newline in it.
/// </summary>
internal sealed class CappedLines(TextWriter output, string indent, string noun, string plural, int limit = CappedLines.DefaultLimit)
{
    public const int DefaultLimit = 20;

    private long _count;

    public void WriteLine(string text)
    {
        if (++_count <= limit)
        {
            output.WriteLine(indent + text);
        }
    }

    /// <summary>Writes "… and N more damaged lines" when some were left out.</summary>
    public void End()
    {
        if (_count > limit)
        {
            output.WriteLine(indent + "… and " + Formats.Count(_count - limit, "more " + noun, "more " + plural));
        }
    }
}
