using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Unicode;

namespace Rho.Fast.Benchmarks.Peers;

/// <summary>
/// What a read would cost if message text stayed UTF-8 until first use: each line is validated and
/// copied into a 1 MB slab (a large-object-heap array the GC never copies), and the messages hold
/// slices of the slab instead of strings. Only the message shapes of the corpus are handled; no
/// repair, no pipe. It answers one question for the report: does such a model reach 0.85x the
/// token pass? It is the most favourable version of that design, so a miss here is a miss.
/// </summary>
public static class Utf8TextPrototype
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 128 };

    /// <summary>Reads the file into prototype messages, kept in a list; returns the count.</summary>
    public static long Read(string path)
    {
        var visitor = new SlabVisitor([]);
        JsonlLines.ForEach(path, ref visitor);
        return visitor.Messages.Count;
    }

    /// <summary>A slice of a slab: the raw bytes between a string's quotes, or of a raw JSON value.</summary>
    private readonly record struct Utf8Slice(byte[] Slab, int Start, int Length, bool Escaped);

    private abstract record Block;

    private sealed record TextBlock(Utf8Slice Text) : Block;

    private sealed record ToolCallBlock(Utf8Slice Id, Utf8Slice Name, Utf8Slice Arguments) : Block;

    private abstract record Message;

    private sealed record BlocksMessage(int Role, Block[] Blocks) : Message;

    private sealed record ToolResultMessage(Utf8Slice Id, bool Ok, Utf8Slice Content) : Message;

    private struct SlabVisitor(List<Message> messages) : ILineVisitor
    {
        private const int SlabSize = 1 << 20;
        private byte[]? _slab;
        private int _used;

        public readonly List<Message> Messages => messages;

        public void Line(ReadOnlyMemory<byte> line)
        {
            ReadOnlySpan<byte> bytes = line.Span;
            if (!Utf8.IsValid(bytes))
            {
                throw new FormatException("invalid UTF-8");
            }

            if (_slab is null || _used + bytes.Length > _slab.Length)
            {
                _slab = new byte[Math.Max(SlabSize, bytes.Length)];
                _used = 0;
            }

            int offset = _used;
            bytes.CopyTo(_slab.AsSpan(offset));
            _used += bytes.Length;
            var reader = new Utf8JsonReader(_slab.AsSpan(offset, bytes.Length), Options);
            reader.Read();
            Message? message = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    if (!reader.ValueTextEquals("message"u8))
                    {
                        return;
                    }
                }
                else if (reader.ValueTextEquals("timestamp"u8))
                {
                    reader.Read();
                    _ = Slice(ref reader, offset);
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    reader.Read();
                    message = ReadMessage(ref reader, offset);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            messages.Add(message ?? throw new FormatException("no message"));
        }

        private readonly Utf8Slice Slice(ref Utf8JsonReader reader, int offset) =>
            reader.TokenType == JsonTokenType.String
                ? new Utf8Slice(_slab!, offset + (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, reader.ValueIsEscaped)
                : throw new FormatException("expected a string");

        private readonly Message ReadMessage(ref Utf8JsonReader reader, int offset)
        {
            reader.Read();
            Message message;
            if (reader.ValueTextEquals("ToolResult"u8))
            {
                reader.Read();
                Utf8Slice id = default, content = default;
                bool ok = false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("id"u8))
                    {
                        reader.Read();
                        id = Slice(ref reader, offset);
                    }
                    else if (reader.ValueTextEquals("ok"u8))
                    {
                        reader.Read();
                        ok = reader.GetBoolean();
                    }
                    else if (reader.ValueTextEquals("content"u8))
                    {
                        reader.Read();
                        content = Slice(ref reader, offset);
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }

                message = new ToolResultMessage(id, ok, content);
            }
            else
            {
                int role = reader.ValueTextEquals("User"u8) ? 0 : reader.ValueTextEquals("Assistant"u8) ? 1 : 2;
                reader.Read();
                message = new BlocksMessage(role, ReadBlocks(ref reader, offset));
            }

            reader.Read();
            return message;
        }

        private readonly Block[] ReadBlocks(ref Utf8JsonReader reader, int offset)
        {
            var blocks = new List<Block>(2);
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                reader.Read();
                if (reader.ValueTextEquals("Text"u8))
                {
                    reader.Read();
                    blocks.Add(new TextBlock(Slice(ref reader, offset)));
                }
                else
                {
                    reader.Read();
                    Utf8Slice id = default, name = default, arguments = default;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        if (reader.ValueTextEquals("id"u8))
                        {
                            reader.Read();
                            id = Slice(ref reader, offset);
                        }
                        else if (reader.ValueTextEquals("name"u8))
                        {
                            reader.Read();
                            name = Slice(ref reader, offset);
                        }
                        else if (reader.ValueTextEquals("arguments"u8))
                        {
                            reader.Read();
                            int start = (int)reader.TokenStartIndex;
                            reader.Skip();
                            arguments = new Utf8Slice(_slab!, offset + start, (int)reader.BytesConsumed - start, false);
                        }
                        else
                        {
                            reader.Read();
                            reader.Skip();
                        }
                    }

                    blocks.Add(new ToolCallBlock(id, name, arguments));
                }

                reader.Read();
            }

            return [.. blocks];
        }
    }
}
