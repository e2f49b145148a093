using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Threading.Tasks;

namespace Rho.Fast.Reliability.Tests;

/// <summary>Synchronous reads of in-memory session bytes, for property and fuzz checks.</summary>
internal static class Read
{
    public static SessionReadResult Bytes(byte[] file, SessionRecovery recovery, int maxLineLength = SessionReadOptions.DefaultMaxLineLength) =>
        SessionReader.ReadMessagesAsync(new MemoryStream(file, writable: false), new SessionReadOptions { Recovery = recovery, MaxLineLength = maxLineLength }).GetAwaiter().GetResult();

    public static List<Message> Streamed(byte[] file, SessionRecovery recovery = SessionRecovery.TolerateTail) =>
        StreamedAsync(file, recovery).GetAwaiter().GetResult();

    private static async Task<List<Message>> StreamedAsync(byte[] file, SessionRecovery recovery)
    {
        var messages = new List<Message>();
        await foreach (Message message in SessionReader.StreamMessagesAsync(PipeReader.Create(new MemoryStream(file, writable: false)), new SessionReadOptions { Recovery = recovery }))
        {
            messages.Add(message);
        }

        return messages;
    }
}
