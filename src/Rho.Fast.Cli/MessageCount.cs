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
        // A stream keeps nothing, so a file of any size is checked in bounded memory.
        try
        {
            long messages = 0;
            SessionMessageStream stream = SessionReader.StreamMessagesAsync(path, options);
            await foreach (Message _ in stream.WithCancellation(cancellationToken))
            {
                messages++;
            }

            return (messages, stream.Summary!);
        }
        catch (UnsupportedSessionFormatException)
        {
            // Either a history rho 1.47 rebuilds only at the end (legacy records turned into a tree
            // after messages), which a stream refuses, or a newer format, which the whole read
            // refuses again with the same error.
        }

        SessionReadResult read = await SessionReader.ReadMessagesAsync(path, options, cancellationToken);
        return (read.Messages.Count, read.Summary);
    }
}
