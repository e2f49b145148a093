using System;
using System.Buffers;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// rho 1.47's re-serialised form of a <c>serde_json::Value</c>: the bytes rho writes for a free
/// JSON value (a tool call's <c>arguments</c>, a provider-context block's <c>data</c>) after reading
/// it. Compact; object keys in input order, a repeated key at its first place with its last value;
/// strings in serde's escaping; integers that fit u64 or i64 as written; every other number read
/// by serde_json's inexact parser and written as the shortest round-trip float (<c>1e+16</c>).
/// </summary>
/// <remarks>
/// The form is that of one read and write, as rho makes on each resume. It is not always a fixed
/// point: the inexact parser can read a float rho wrote as a neighbouring double, so a value in
/// this form may change again the next time rho reads it (<c>0.184820931956554207</c> becomes
/// <c>0.18482093195655422</c>, then <c>0.18482093195655425</c>).
/// </remarks>
internal static class RhoValueForm
{
    /// <summary>A thread's output buffer is kept for the next value up to this size.</summary>
    private const int KeepLimit = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>The canonical form of <paramref name="value"/>: <paramref name="value"/> itself, without allocating, when it already is.</summary>
    /// <exception cref="WireFormatException">The value is not one serde_json reads (see <see cref="Write"/>).</exception>
    public static RawJson Canonical(RawJson value)
    {
        if (RhoValueCheck.IsCanonical(value.Utf8.Span))
        {
            return value;
        }

        ArrayBufferWriter<byte> buffer = RentBuffer();
        try
        {
            Write(value.Utf8.Span, buffer);
            return RawJson.FromValidatedUtf8(buffer.WrittenSpan);
        }
        finally
        {
            ReturnBuffer(buffer);
        }
    }

    /// <summary>Writes the canonical form of <paramref name="json"/> to <paramref name="output"/>.</summary>
    /// <exception cref="WireFormatException">
    /// <paramref name="json"/> is not one JSON value as serde_json reads it: malformed, nested
    /// deeper than <see cref="Wire.MaxDepth"/>, a number beyond a double's range, or a lone
    /// surrogate escape. <paramref name="output"/> then holds part of the form.
    /// </exception>
    public static void Write(ReadOnlySpan<byte> json, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (RhoValueCheck.IsCanonical(json))
        {
            output.Write(json);
            return;
        }

        RhoValueWriter.Write(json, output);
    }

    /// <summary>
    /// The number of Unicode scalar values of the canonical form of <paramref name="value"/> (what
    /// rho's token estimate counts), without building the form when the value already is canonical.
    /// </summary>
    /// <exception cref="WireFormatException">The value is not one serde_json reads (see <see cref="Write"/>).</exception>
    public static long CharCount(RawJson value)
    {
        ReadOnlySpan<byte> json = value.Utf8.Span;
        if (RhoValueCheck.IsCanonical(json))
        {
            return Utf8ScalarCount.Of(json);
        }

        ArrayBufferWriter<byte> buffer = RentBuffer();
        try
        {
            RhoValueWriter.Write(json, buffer);
            return Utf8ScalarCount.Of(buffer.WrittenSpan);
        }
        finally
        {
            ReturnBuffer(buffer);
        }
    }

    private static ArrayBufferWriter<byte> RentBuffer()
    {
        ArrayBufferWriter<byte> buffer = t_buffer ?? new ArrayBufferWriter<byte>(256);
        t_buffer = null;
        return buffer;
    }

    private static void ReturnBuffer(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= KeepLimit)
        {
            buffer.ResetWrittenCount();
            t_buffer = buffer;
        }
    }
}
