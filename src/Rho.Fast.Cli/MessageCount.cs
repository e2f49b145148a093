using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast.Cli;

/// <summary>Reads a session to the end without keeping its messages, for the count and the summary.</summary>
internal static class MessageCount
{
    /// <returns>The messages that survive repair, and what the read found.</returns>
    /// <exception cref="SessionFormatException">The file is unreadable under <paramref name="options"/>' recovery rule.</exception>
    public static async Task<(long Messages, SessionReadSummary Summary)> ReadAsync(string path, SessionReadOptions? options, CancellationToken cancellationToken)
    {
        SessionMessageStream stream = SessionReader.StreamMessagesAsync(path, options);
        long messages = 0;
        await foreach (Message _ in stream.WithCancellation(cancellationToken))
        {
            messages++;
        }

        return (messages, stream.Summary!);
    }
}
