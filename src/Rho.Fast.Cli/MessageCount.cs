using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast.Cli;

/// <summary>Reads a session to the end for the number of its messages and the summary.</summary>
internal static class MessageCount
{
    /// <returns>The messages that survive repair, and what the read found.</returns>
    /// <exception cref="SessionFormatException">The file is unreadable under <paramref name="options"/>' recovery rule.</exception>
    public static async Task<(long Messages, SessionReadSummary Summary)> ReadAsync(string path, SessionReadOptions? options, CancellationToken cancellationToken)
    {
        // The whole list rather than a stream: the history of rho 1.47's formats is known only at the end.
        SessionReadResult read = await SessionReader.ReadMessagesAsync(path, options, cancellationToken);
        return (read.Messages.Count, read.Summary);
    }
}
