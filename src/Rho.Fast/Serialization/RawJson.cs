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
public readonly struct RawJson : IEquatable<RawJson>
{
    private readonly byte[]? _utf8;

    private RawJson(byte[] utf8) => _utf8 = utf8;

    /// <summary>The JSON <c>null</c> literal.</summary>
    public static RawJson Null { get; } = new("null"u8.ToArray());

    /// <summary>The empty JSON object <c>{}</c>.</summary>
    public static RawJson EmptyObject { get; } = new("{}"u8.ToArray());

    /// <summary>The value's UTF-8 bytes; <c>null</c> for a default instance.</summary>
    public ReadOnlyMemory<byte> Utf8 => _utf8 ?? Null._utf8!;

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
    /// Wraps bytes already validated as one JSON value; the array is not copied. Line breaks become
    /// spaces: in valid JSON they can only be whitespace between tokens, and a session line must not
    /// contain one.
    /// </summary>
    internal static RawJson FromValidatedUtf8(byte[] utf8)
    {
        if (utf8.AsSpan().IndexOfAny((byte)'\n', (byte)'\r') >= 0)
        {
            utf8.AsSpan().Replace((byte)'\n', (byte)' ');
            utf8.AsSpan().Replace((byte)'\r', (byte)' ');
        }

        return new(utf8);
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
