using System;
using System.Text;
using System.Text.Json;

namespace Rho.Fast.Serialization;

/// <summary>
/// An arbitrary JSON value kept as the exact UTF-8 bytes it was read from (serde's
/// <c>serde_json::Value</c> slot, such as a tool call's <c>arguments</c>). Written back unchanged,
/// so a round trip reproduces the input byte for byte. The one exception: line breaks between
/// tokens become spaces, so a value always fits on one session line. Equality compares the bytes.
/// </summary>
/// <remarks>
/// A value read from a session is a slice of a large array the read fills with text, so keeping it
/// keeps that array alive, not one array of its own.
/// </remarks>
public readonly struct RawJson : IEquatable<RawJson>
{
    private readonly byte[]? _array;
    private readonly int _start;
    private readonly int _length;

    private RawJson(byte[] utf8)
        : this(utf8, 0, utf8.Length)
    {
    }

    private RawJson(byte[] array, int start, int length)
    {
        _array = array;
        _start = start;
        _length = length;
    }

    /// <summary>The JSON <c>null</c> literal.</summary>
    public static RawJson Null { get; } = new("null"u8.ToArray());

    /// <summary>The empty JSON object <c>{}</c>.</summary>
    public static RawJson EmptyObject { get; } = new("{}"u8.ToArray());

    /// <summary>The value's UTF-8 bytes; <c>null</c> for a default instance.</summary>
    public ReadOnlyMemory<byte> Utf8 => _array is null ? Null.Utf8 : new ReadOnlyMemory<byte>(_array, _start, _length);

    /// <summary>Parses and validates JSON text, keeping it as given.</summary>
    /// <param name="json">One JSON value.</param>
    /// <exception cref="JsonException"><paramref name="json"/> is not a single valid JSON value.</exception>
    public static RawJson Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses and validates UTF-8 JSON, keeping a copy of the bytes as given.</summary>
    /// <param name="utf8Json">One JSON value.</param>
    /// <exception cref="JsonException"><paramref name="utf8Json"/> is not a single valid JSON value.</exception>
    public static RawJson Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            throw new WireFormatException(nameof(RawJson), null, null, "the input is not valid UTF-8");
        }

        var reader = WireReader.OverValidUtf8(utf8Json);
        WireRead.Next(ref reader, nameof(RawJson), null, null);
        // WireRead.Raw copies the value, so the caller's bytes are never changed.
        RawJson value = WireRead.Raw(ref reader, nameof(RawJson), null, null);
        if (reader.Read())
        {
            throw new WireFormatException(nameof(RawJson), null, null, "more than one JSON value", reader.TokenStartIndex);
        }

        return value;
    }

    /// <summary>
    /// Keeps bytes already validated as one JSON value where the read's text is kept (see
    /// <see cref="TextSlab"/>). Line breaks become spaces, in a copy of their own (they can only
    /// be whitespace between tokens).
    /// </summary>
    /// <param name="utf8">The value's bytes.</param>
    internal static RawJson FromValidatedUtf8(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
        {
            byte[] copy = utf8.ToArray();
            copy.AsSpan().Replace((byte)'\n', (byte)' ');
            copy.AsSpan().Replace((byte)'\r', (byte)' ');
            return new(copy);
        }

        byte[] array = TextSlab.Store(utf8, out int start);
        return new(array, start, utf8.Length);
    }

    /// <summary>Writes the value's bytes unchanged.</summary>
    /// <param name="writer">The JSON writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(Utf8.Span, skipInputValidation: true);
    }

    /// <inheritdoc/>
    public bool Equals(RawJson other) => Utf8.Span.SequenceEqual(other.Utf8.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RawJson other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Utf8.Span);
        return hash.ToHashCode();
    }

    /// <summary>The JSON text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(Utf8.Span);

    /// <summary>Compares two values by their bytes.</summary>
    public static bool operator ==(RawJson left, RawJson right) => left.Equals(right);

    /// <summary>Compares two values by their bytes.</summary>
    public static bool operator !=(RawJson left, RawJson right) => !left.Equals(right);
}
