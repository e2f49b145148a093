using System.Buffers;
using System.Collections.Generic;
using Rho.Fast.Serialization;

namespace Rho.Fast.Export;

/// <summary>
/// A session as one JSON document, <c>{"session":HEADER,"history":NAME,"messages":[...]}</c>, with
/// the header and each message in exactly the bytes serde_json writes for them (the header as its
/// session line, <c>null</c> when unknown), one message per line.
/// </summary>
internal static class JsonExport
{
    public static void Write(IReadOnlyList<Message> messages, IBufferWriter<byte> output, SessionExportOptions options)
    {
        output.Write("{\"session\":"u8);
        if (options.Header is { } header)
        {
            Wire.Serialize(output, header);
        }
        else
        {
            output.Write("null"u8);
        }

        output.Write(",\"history\":"u8);
        if (options.History is { } history)
        {
            int written = SerdeEscaping.WriteQuoted(history, output.GetSpan(SerdeEscaping.MaxQuotedLength(history.Length)));
            output.Advance(written);
        }
        else
        {
            output.Write("null"u8);
        }

        output.Write(",\"messages\":["u8);
        for (int i = 0; i < messages.Count; i++)
        {
            output.Write(i == 0 ? "\n"u8 : ",\n"u8);
            Wire.Serialize(output, messages[i]);
        }

        output.Write(messages.Count == 0 ? "]}\n"u8 : "\n]}\n"u8);
    }
}
