using System;
using System.Buffers;
using System.Text.Json;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// Writes a JSON value as rho 1.47 writes it after reading it into a <c>serde_json::Value</c>
/// (see <see cref="RhoValueForm"/>), checking it as serde_json reads it on the way.
/// </summary>
internal static class RhoValueWriter
{
    /// <summary>Writes the canonical form of <paramref name="json"/> to <paramref name="output"/>.</summary>
    /// <exception cref="WireFormatException">
    /// <paramref name="json"/> is not one JSON value as serde_json reads it: malformed, nested
    /// deeper than <see cref="Wire.MaxDepth"/>, a number beyond a double's range, or a lone
    /// surrogate escape. What was written to <paramref name="output"/> by then is incomplete.
    /// </exception>
    public static void Write(ReadOnlySpan<byte> json, IBufferWriter<byte> output)
    {
        // Pooled, not stack memory: the reader and the lists are passed down together.
        var scratch = default(Scratch);
        try
        {
            var reader = new WireReader(json);
            if (!reader.Read())
            {
                throw Problem("the value is empty", 0);
            }

            WriteValue(ref reader, output, ref scratch);
            if (reader.Read())
            {
                throw Problem("more than one JSON value", reader.TokenStartIndex);
            }
        }
        catch (WireSyntaxException e)
        {
            throw new WireFormatException(nameof(RawJson), null, null, "the value is not JSON as serde_json reads it: " + e.Problem, e.BytePosition, e);
        }
        finally
        {
            scratch.Dispose();
        }
    }

    private static void WriteValue(ref WireReader reader, IBufferWriter<byte> output, ref Scratch scratch)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                WriteString(ref reader, output);
                break;
            case JsonTokenType.Number:
                WriteNumber(ref reader, output);
                break;
            case JsonTokenType.True:
                output.Write("true"u8);
                break;
            case JsonTokenType.False:
                output.Write("false"u8);
                break;
            case JsonTokenType.Null:
                output.Write("null"u8);
                break;
            case JsonTokenType.StartArray:
                WriteArray(ref reader, output, ref scratch);
                break;
            case JsonTokenType.StartObject:
                WriteObject(ref reader, output, ref scratch);
                break;
            default:
                throw Problem("expected a value, found " + reader.TokenType, reader.TokenStartIndex);
        }
    }

    private static void WriteArray(ref WireReader reader, IBufferWriter<byte> output, ref Scratch scratch)
    {
        WriteByte(output, (byte)'[');
        bool first = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!first)
            {
                WriteByte(output, (byte)',');
            }

            WriteValue(ref reader, output, ref scratch);
            first = false;
        }

        WriteByte(output, (byte)']');
    }

    private static void WriteObject(ref WireReader reader, IBufferWriter<byte> output, ref Scratch scratch)
    {
        // First the keys, unescaped, to find repeats; the values are only passed over.
        int keyBase = scratch.Keys.Count;
        int byteBase = scratch.KeyBytes.Count;
        WireReader probe = reader;
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            int start = scratch.KeyBytes.Count;
            Span<byte> room = scratch.KeyBytes.Append(probe.ValueSpan.Length);
            int length = CopyKey(ref probe, room);
            scratch.KeyBytes.Truncate(start + length);
            scratch.Keys.Add(new Range(start, start + length));
            probe.Read();
            int valueStart = probe.TokenStartIndex;
            probe.Skip();
            scratch.Values.Add(new Range(valueStart, probe.BytesConsumed));
        }

        int count = scratch.Keys.Count - keyBase;
        int winnerBase = scratch.Winners.Count;
        Span<int> winners = scratch.Winners.Append(count);
        bool repeats = ObjectKeys.Resolve(scratch.KeyBytes.Items, scratch.Keys.Items.Slice(keyBase, count), winners);

        // When only checking, every entry is read in order, repeats too: that is what serde_json reads.
        if (!repeats || output == Discard.Instance)
        {
            WriteByte(output, (byte)'{');
            for (int entry = 0; entry < count; entry++)
            {
                if (entry > 0)
                {
                    WriteByte(output, (byte)',');
                }

                reader.Read();
                WriteKey(ref scratch, keyBase + entry, output);
                reader.Read();
                WriteValue(ref reader, output, ref scratch);
            }

            reader.Read();
            WriteByte(output, (byte)'}');
        }
        else
        {
            // serde_json reads every value, the ones a later repeat replaces too, so those must
            // be readable as well: check the whole object first, writing nothing.
            WireReader check = reader;
            WriteValue(ref check, Discard.Instance, ref scratch);

            WriteByte(output, (byte)'{');
            bool first = true;
            for (int entry = 0; entry < count; entry++)
            {
                int winner = scratch.Winners.Items[winnerBase + entry];
                if (winner < 0)
                {
                    continue;
                }

                if (!first)
                {
                    WriteByte(output, (byte)',');
                }

                first = false;
                WriteKey(ref scratch, keyBase + entry, output);
                var value = WireReader.OverValidUtf8(reader.Buffer[scratch.Values.Items[keyBase + winner]]);
                value.Read();
                WriteValue(ref value, output, ref scratch);
            }

            reader.Skip();
            WriteByte(output, (byte)'}');
        }

        scratch.Keys.Truncate(keyBase);
        scratch.Values.Truncate(keyBase);
        scratch.KeyBytes.Truncate(byteBase);
        scratch.Winners.Truncate(winnerBase);
    }

    private static int CopyKey(ref WireReader reader, Span<byte> destination)
    {
        try
        {
            return reader.CopyString(destination);
        }
        catch (FormatException e)
        {
            throw WireRead.Quoted(ref reader, Problem("a key is not valid Unicode: " + e.Message, reader.TokenStartIndex, e));
        }
    }

    private static void WriteKey(ref Scratch scratch, int key, IBufferWriter<byte> output)
    {
        RhoStringForm.WriteText(scratch.KeyBytes.Items[scratch.Keys.Items[key]], output);
        WriteByte(output, (byte)':');
    }

    private static void WriteString(ref WireReader reader, IBufferWriter<byte> output)
    {
        try
        {
            RhoStringForm.Write(reader.ValueSpan, reader.ValueEscapes, output);
        }
        catch (FormatException e)
        {
            throw WireRead.Quoted(ref reader, Problem("a string is not valid Unicode: " + e.Message, reader.TokenStartIndex, e));
        }
    }

    private static void WriteNumber(ref WireReader reader, IBufferWriter<byte> output)
    {
        ReadOnlySpan<byte> literal = reader.ValueSpan;
        Span<byte> room = output.GetSpan(RhoNumberForm.MaxLength(literal));
        int length = RhoNumberForm.Write(literal, room, out string? problem);
        if (length < 0)
        {
            throw WireRead.Quoted(ref reader, Problem(problem ?? "not a number", reader.TokenStartIndex));
        }

        output.Advance(length);
    }

    private static void WriteByte(IBufferWriter<byte> output, byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }

    private static WireFormatException Problem(string problem, long position, Exception? inner = null) =>
        new(nameof(RawJson), null, null, problem, position, inner);

    /// <summary>The lists an object's keys and values are gathered in, shared by all levels as a stack.</summary>
    private ref struct Scratch
    {
        /// <summary>The unescaped keys, one after another.</summary>
        public PooledList<byte> KeyBytes;

        /// <summary>Each key, as a range of <see cref="KeyBytes"/>.</summary>
        public PooledList<Range> Keys;

        /// <summary>Each key's value, as a range of the input (the same index as its key).</summary>
        public PooledList<Range> Values;

        /// <summary>For each key, the entry whose value it takes, or -1 when it repeats an earlier key.</summary>
        public PooledList<int> Winners;

        public void Dispose()
        {
            KeyBytes.Dispose();
            Keys.Dispose();
            Values.Dispose();
            Winners.Dispose();
        }
    }

    /// <summary>An output that forgets what is written to it: for values that are read but not kept.</summary>
    private sealed class Discard : IBufferWriter<byte>
    {
        public static readonly Discard Instance = new();

        [ThreadStatic]
        private static byte[]? t_buffer;

        public void Advance(int count)
        {
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => Buffer(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Buffer(sizeHint);

        private static byte[] Buffer(int sizeHint)
        {
            byte[]? buffer = t_buffer;
            if (buffer is null || buffer.Length < sizeHint)
            {
                buffer = new byte[Math.Max(256, sizeHint)];
                t_buffer = buffer;
            }

            return buffer;
        }
    }
}
