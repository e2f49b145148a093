using System;
using System.Buffers;
using System.Text;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>Serializing into a caller's buffer reuses the thread's writer: no allocation per value, no state carried over.</summary>
public sealed class WireBufferWriterTests
{
    private static readonly SessionEntry Entry = new SessionEntry.MessageEntry("1757811590", Message.UserText("héllo \"world\"\n"));

    [Fact]
    public void Serializing_into_a_buffer_allocates_nothing_per_value()
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        for (int i = 0; i < 2000; i++)
        {
            Wire.Serialize(buffer, Entry);
        }

        buffer.ResetWrittenCount();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            Wire.Serialize(buffer, Entry);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000 * Wire.SerializeToUtf8Bytes(Entry).Length, buffer.WrittenCount);
    }

    [Fact]
    public void Values_go_to_the_buffer_of_each_call_and_nowhere_else()
    {
        var first = new ArrayBufferWriter<byte>();
        var second = new ArrayBufferWriter<byte>();
        Wire.Serialize(first, Entry);
        Wire.Serialize(second, Message.SystemText("x"));
        string text = Wire.Serialize(Entry);

        Assert.Equal(text, Encoding.UTF8.GetString(first.WrittenSpan));
        Assert.Equal("{\"System\":\"x\"}", Encoding.UTF8.GetString(second.WrittenSpan));
    }

    [Fact]
    public void A_failed_write_leaves_the_next_one_clean()
    {
        var failing = new FailingBufferWriter();
        Assert.Throws<InvalidOperationException>(() => Wire.Serialize(failing, Message.SystemText(new string('a', 100_000))));

        var buffer = new ArrayBufferWriter<byte>();
        Wire.Serialize(buffer, Message.SystemText("ok"));
        Assert.Equal("{\"System\":\"ok\"}", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>Hands out a small buffer once, then refuses to grow.</summary>
    private sealed class FailingBufferWriter : IBufferWriter<byte>
    {
        private readonly byte[] _buffer = new byte[256];
        private bool _handedOut;

        public void Advance(int count)
        {
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            if (_handedOut || sizeHint > _buffer.Length)
            {
                throw new InvalidOperationException("no more room");
            }

            _handedOut = true;
            return _buffer;
        }

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
