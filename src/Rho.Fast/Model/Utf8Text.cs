using System;
using System.Buffers;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// Text as a session file holds it: the escaped UTF-8 body of a JSON string, a slice of a buffer the
/// read owns, decoded only when asked; or a .NET string, for text made in code. A read keeps a few
/// large buffers instead of one <see cref="string"/> per value, and text whose escapes are already
/// serde_json's own is written back with one copy.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> decodes on every call (a struct cannot cache it): keep the string if you
/// need it more than once. Equality and hashing are by content, so text read from a file equals the
/// same text made from a string. A .NET string can hold a lone surrogate, which serde_json cannot:
/// such text is written as U+FFFD and equals only text made from the same string. A text read from a
/// buffer keeps the whole buffer alive.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct Utf8Text : IEquatable<Utf8Text>, IWireSerializable<Utf8Text>
{
    private const int StackLimit = 256;

    private readonly byte[]? _json;
    private readonly int _start;
    private readonly int _length;
    private readonly Flags _flags;
    private readonly string? _string;

    /// <summary>Text made from a string.</summary>
    /// <param name="value">The text; <see langword="null"/> is the empty text.</param>
    public Utf8Text(string? value)
    {
        _string = value ?? "";
    }

    private Utf8Text(byte[] json, int start, int length, Flags flags)
    {
        _json = json;
        _start = start;
        _length = length;
        _flags = flags;
    }

    /// <summary>What a scan learnt about an escaped JSON string body.</summary>
    [Flags]
    internal enum Flags : byte
    {
        /// <summary>Plain: no backslash, so the bytes are the UTF-8 text itself.</summary>
        None = 0,

        /// <summary>The body has escapes.</summary>
        Escaped = 1,

        /// <summary>Every escape is one serde_json writes, so the body is written back as it is.</summary>
        Canonical = 2,

        /// <summary>The array has a quote on each side of the body, so the whole string is one span.</summary>
        Quoted = 4,
    }

    /// <summary>The empty text.</summary>
    public static Utf8Text Empty => new("");

    /// <summary>Whether the text has no characters.</summary>
    public bool IsEmpty => _json is null ? string.IsNullOrEmpty(_string) : _length == 0;

    /// <summary>Whether the text was made from a string rather than read from JSON.</summary>
    public bool IsString => _json is null;

    /// <summary>Text made from a string.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator Utf8Text(string? value) => new(value);

    /// <summary>Whether two texts hold the same characters.</summary>
    public static bool operator ==(Utf8Text left, Utf8Text right) => left.Equals(right);

    /// <summary>Whether two texts hold different characters.</summary>
    public static bool operator !=(Utf8Text left, Utf8Text right) => !left.Equals(right);

    /// <summary>
    /// Text over the escaped body of a JSON string (between its quotes), which the caller has
    /// checked as serde_json would: valid UTF-8, no raw control bytes, valid escapes.
    /// </summary>
    /// <param name="buffer">The buffer holding the body; kept alive by the text.</param>
    /// <param name="start">Where the body starts.</param>
    /// <param name="length">The body's length in bytes.</param>
    internal static Utf8Text FromJson(byte[] buffer, int start, int length)
    {
        bool quoted = start > 0 && start + length < buffer.Length && buffer[start - 1] == (byte)'"' && buffer[start + length] == (byte)'"';
        return FromJson(buffer, start, length, StringScanner.Classify(buffer.AsSpan(start, length)), quoted);
    }

    /// <summary>As <see cref="FromJson(byte[], int, int)"/>, when the scan already knows what escapes the body has and whether its quotes are around it.</summary>
    private static Utf8Text FromJson(byte[] buffer, int start, int length, StringEscapes escapes, bool quoted)
    {
        Flags flags = escapes == StringEscapes.None ? Flags.None
            : Flags.Escaped | (SerdeEscaping.IsCanonical(escapes) ? Flags.Canonical : Flags.None);
        return new Utf8Text(buffer, start, length, quoted ? flags | Flags.Quoted : flags);
    }

    /// <summary>Reads a JSON string into a slab of the read's text; for generated code.</summary>
    /// <param name="reader">The wire reader, on the string.</param>
    /// <exception cref="WireFormatException">The value is not a string, or holds a lone surrogate escape.</exception>
    public static Utf8Text ReadWire(ref WireReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw WireRead.Unexpected(ref reader, nameof(Utf8Text), null, null, "a string");
        }

        ReadOnlySpan<byte> body = reader.ValueSpan;
        StringEscapes escapes = reader.ValueEscapes;
        if ((escapes & StringEscapes.Surrogate) != 0 && !Utf8Unescape.HasOnlyPairedSurrogates(body, out string? problem))
        {
            // serde_json refuses a lone surrogate where it reads a string; so does reading a string here.
            throw new WireFormatException(nameof(Utf8Text), null, null, "the string is not valid Unicode: " + problem, reader.TokenStartIndex);
        }

        byte[] slab = TextSlab.StoreQuoted(body, out int start);
        return FromJson(slab, start, body.Length, escapes, quoted: true);
    }

    /// <summary>Writes the text as serde_json does; text read with serde's own escaping is copied as it is.</summary>
    /// <param name="writer">The JSON writer.</param>
    public void WriteWire(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_json is null || (_flags & (Flags.Escaped | Flags.Canonical)) == Flags.Escaped)
        {
            WireWrite.String(writer, ToString());
            return;
        }

        if (IsQuoted)
        {
            // One copy: the string as it was read, quotes and all.
            writer.WriteRawValue(_json.AsSpan(_start - 1, _length + 2), skipInputValidation: true);
            return;
        }

        int length = _length + 2;
        byte[]? rented = null;
        Span<byte> quoted = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        quoted[0] = (byte)'"';
        _json.AsSpan(_start, _length).CopyTo(quoted[1..]);
        quoted[_length + 1] = (byte)'"';
        writer.WriteRawValue(quoted[..length], skipInputValidation: true);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Whether the body read from JSON has its quotes around it in the array (text read by
    /// <see cref="ReadWire"/> always has). A flag rather than a look at the bytes: the end of a long
    /// text is a cache miss of its own before the copy.
    /// </summary>
    private bool IsQuoted => (_flags & Flags.Quoted) != 0;

    /// <summary>
    /// The UTF-8 bytes of the text without copying, when it was read without escapes; otherwise
    /// <see langword="false"/> (use <see cref="CopyUtf8To"/>).
    /// </summary>
    /// <param name="utf8">The text's UTF-8 bytes.</param>
    public bool TryGetUtf8(out ReadOnlySpan<byte> utf8)
    {
        if (_json is not null && (_flags & Flags.Escaped) == 0)
        {
            utf8 = _json.AsSpan(_start, _length);
            return true;
        }

        utf8 = default;
        return false;
    }

    /// <summary>Writes the text as UTF-8 (lone surrogates as U+FFFD); returns the bytes written.</summary>
    /// <param name="destination">Where to write.</param>
    public int CopyUtf8To(IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (TryGetUtf8(out ReadOnlySpan<byte> utf8))
        {
            destination.Write(utf8);
            return utf8.Length;
        }

        if (_json is not null)
        {
            // Unescaping never makes text longer: the escaped length is enough room.
            int unescaped = Utf8Unescape.Decode(_json.AsSpan(_start, _length), destination.GetSpan(_length));
            destination.Advance(unescaped);
            return unescaped;
        }

        string text = _string ?? "";
        Span<byte> span = destination.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        int written = Encoding.UTF8.GetBytes(text, span);
        destination.Advance(written);
        return written;
    }

    /// <summary>
    /// Writes the text as a quoted JSON string with serde_json's escaping; text read with serde's
    /// own escaping is copied as it is. Returns the bytes written.
    /// </summary>
    /// <param name="destination">Where to write.</param>
    public int WriteJsonTo(IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_json is not null && (_flags & (Flags.Escaped | Flags.Canonical)) != Flags.Escaped)
        {
            Span<byte> span = destination.GetSpan(_length + 2);
            if (IsQuoted)
            {
                _json.AsSpan(_start - 1, _length + 2).CopyTo(span);
            }
            else
            {
                span[0] = (byte)'"';
                _json.AsSpan(_start, _length).CopyTo(span[1..]);
                span[_length + 1] = (byte)'"';
            }

            destination.Advance(_length + 2);
            return _length + 2;
        }

        string text = ToString();
        Span<byte> target = destination.GetSpan(SerdeEscaping.MaxQuotedLength(text.Length));
        int written = SerdeEscaping.WriteQuoted(text, target);
        destination.Advance(written);
        return written;
    }

    /// <summary>The text as a string, decoded from the JSON it was read from on each call.</summary>
    public override string ToString()
    {
        if (_json is null)
        {
            return _string ?? "";
        }

        ReadOnlySpan<byte> body = _json.AsSpan(_start, _length);
        return (_flags & Flags.Escaped) == 0 ? Encoding.UTF8.GetString(body) : JsonUnescape.ToString(body);
    }

    /// <summary>Whether both hold the same characters, however each was made.</summary>
    /// <param name="other">The other text.</param>
    public bool Equals(Utf8Text other)
    {
        if (TryGetUtf8(out ReadOnlySpan<byte> left) && other.TryGetUtf8(out ReadOnlySpan<byte> right))
        {
            return left.SequenceEqual(right);
        }

        if (_json is null && other._json is null)
        {
            return string.Equals(_string ?? "", other._string ?? "", StringComparison.Ordinal);
        }

        return string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Whether the text holds exactly the characters of <paramref name="other"/>.</summary>
    /// <param name="other">A string.</param>
    public bool Equals(string? other) => Equals(new Utf8Text(other));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Utf8Text text ? Equals(text) : obj is string s && Equals(s);

    /// <summary>A hash of the characters, the same for equal texts however each was made.</summary>
    public override int GetHashCode()
    {
        // Hash the UTF-16 characters: plain UTF-8 is transcoded on the stack or in a pooled buffer.
        var hash = new HashCode();
        if (TryGetUtf8(out ReadOnlySpan<byte> utf8))
        {
            char[]? rented = null;
            Span<char> chars = utf8.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
            int count = Encoding.UTF8.GetChars(utf8, chars);
            hash.AddBytes(MemoryMarshal.AsBytes(chars[..count]));
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
        else
        {
            hash.AddBytes(MemoryMarshal.AsBytes(ToString().AsSpan()));
        }

        return hash.ToHashCode();
    }
}
