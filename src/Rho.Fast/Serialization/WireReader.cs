using System;
using System.Buffers.Text;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Rho.Fast.Serialization;

/// <summary>
/// A forward-only reader of one JSON value in one contiguous UTF-8 buffer, for generated
/// deserializers. It has the members of <see cref="Utf8JsonReader"/> that generated code uses, with
/// the same meaning, and reads exactly serde_json's grammar: RFC 8259, whitespace only space, tab,
/// line feed and carriage return, nothing but whitespace after the value, and at most
/// <see cref="Wire.MaxDepth"/> nested arrays and objects. Strings are scanned a vector at a time.
/// </summary>
/// <remarks>
/// Malformed input throws <see cref="WireSyntaxException"/> with the byte offset. Escapes are
/// checked for syntax as strings are read; a lone surrogate escape is an error when the string is
/// decoded (<see cref="GetString"/>, <see cref="CopyString"/>), because serde_json, too, checks it
/// only in the strings it decodes, not in values it skips.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct WireReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;
    private int _tokenStart;
    private int _valueStart;
    private int _valueLength;
    private int _depth;

    // One bit per open container, set for an object: 2 x 64 bits cover Wire.MaxDepth.
    private ulong _objects0;
    private ulong _objects1;
    private JsonTokenType _tokenType;
    private StringEscapes _escapes;

    /// <summary>Creates a reader over <paramref name="utf8Json"/>, which it first checks is valid UTF-8.</summary>
    /// <param name="utf8Json">One JSON value, with whitespace around it if any.</param>
    /// <exception cref="WireSyntaxException"><paramref name="utf8Json"/> is not valid UTF-8.</exception>
    public WireReader(ReadOnlySpan<byte> utf8Json)
        : this(utf8Json, validUtf8: false)
    {
    }

    private WireReader(ReadOnlySpan<byte> utf8Json, bool validUtf8)
    {
        if (!validUtf8 && !Utf8.IsValid(utf8Json))
        {
            throw Syntax(utf8Json, "The input is not valid UTF-8.", FirstInvalidByte(utf8Json));
        }

        _buffer = utf8Json;
    }

    /// <summary>The type of the current token; <see cref="JsonTokenType.None"/> before the first <see cref="Read"/>.</summary>
    public readonly JsonTokenType TokenType => _tokenType;

    /// <summary>
    /// The current token's bytes: a string or property name without its quotes and still escaped,
    /// a number or literal as written, or the one byte of a bracket.
    /// </summary>
    public readonly ReadOnlySpan<byte> ValueSpan => _buffer.Slice(_valueStart, _valueLength);

    /// <summary>Whether the current string or property name holds a backslash escape.</summary>
    public readonly bool ValueIsEscaped => _escapes != StringEscapes.None;

    /// <summary>What kinds of escape the current string or property name holds.</summary>
    internal readonly StringEscapes ValueEscapes => _escapes;

    /// <summary>The offset of the current token's first byte (a string's opening quote).</summary>
    public readonly int TokenStartIndex => _tokenStart;

    /// <summary>The offset just after the current token (for a property name, after its colon).</summary>
    public readonly int BytesConsumed => _position;

    /// <summary>
    /// The number of containers around the current token, as <see cref="Utf8JsonReader.CurrentDepth"/>
    /// counts: a bracket counts at the depth outside it.
    /// </summary>
    public readonly int CurrentDepth => _tokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? _depth - 1 : _depth;

    /// <summary>The whole input the reader reads.</summary>
    public readonly ReadOnlySpan<byte> Buffer => _buffer;

    /// <summary>A reader over input the caller has already checked is valid UTF-8 (a session line).</summary>
    internal static WireReader OverValidUtf8(ReadOnlySpan<byte> utf8Json) => new(utf8Json, validUtf8: true);

    /// <summary>
    /// Reads the next token. Returns <see langword="false"/> only at the end of the input after a
    /// whole value (or of an input holding only whitespace).
    /// </summary>
    /// <exception cref="WireSyntaxException">The input is not one JSON value as serde_json reads it.</exception>
    public bool Read()
    {
        ReadOnlySpan<byte> buffer = _buffer;
        int i = SkipWhitespace(buffer, _position);
        switch (_tokenType)
        {
            case JsonTokenType.PropertyName:
                // The colon was read with the name.
                ReadValue(buffer, i);
                return true;
            case JsonTokenType.StartObject:
                if ((uint)i < (uint)buffer.Length && buffer[i] == (byte)'}')
                {
                    Close(i, JsonTokenType.EndObject);
                }
                else
                {
                    ReadPropertyName(buffer, i);
                }

                return true;
            case JsonTokenType.StartArray:
                if ((uint)i < (uint)buffer.Length && buffer[i] == (byte)']')
                {
                    Close(i, JsonTokenType.EndArray);
                }
                else
                {
                    ReadValue(buffer, i);
                }

                return true;
            case JsonTokenType.None:
                if (i >= buffer.Length)
                {
                    _position = i;
                    return false;
                }

                ReadValue(buffer, i);
                return true;
            default:
                return ReadAfterValue(buffer, i);
        }
    }

    /// <summary>
    /// Skips the current value: from a property name, its value; from a bracket, up to the one
    /// that closes it. The reader is left on the value's last token. Skipped values are checked as
    /// strictly as read ones.
    /// </summary>
    /// <exception cref="WireSyntaxException">The skipped value is malformed.</exception>
    public void Skip()
    {
        if (_tokenType == JsonTokenType.PropertyName)
        {
            Read();
        }

        if (_tokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            // Inside a container Read never returns false: it reads a token or throws.
            int outside = _depth - 1;
            while (_depth > outside)
            {
                Read();
            }
        }
    }

    /// <summary>The current number as a <see cref="double"/>; <see langword="false"/> when it is beyond the type's range.</summary>
    /// <param name="value">The number.</param>
    public readonly bool TryGetDouble(out double value)
    {
        if (Utf8Parser.TryParse(NumberSpan, out value, out int consumed) && consumed == _valueLength && double.IsFinite(value))
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The current number as an <see cref="int"/>; <see langword="false"/> when it has a fraction or exponent or does not fit.</summary>
    /// <param name="value">The number.</param>
    public readonly bool TryGetInt32(out int value) => Whole(Utf8Parser.TryParse(NumberSpan, out value, out int consumed), consumed, ref value);

    /// <summary>The current number as a <see cref="uint"/>; <see langword="false"/> when it has a fraction or exponent or does not fit.</summary>
    /// <param name="value">The number.</param>
    public readonly bool TryGetUInt32(out uint value) => Whole(Utf8Parser.TryParse(NumberSpan, out value, out int consumed), consumed, ref value);

    /// <summary>The current number as a <see cref="long"/>; <see langword="false"/> when it has a fraction or exponent or does not fit.</summary>
    /// <param name="value">The number.</param>
    public readonly bool TryGetInt64(out long value) => Whole(Utf8Parser.TryParse(NumberSpan, out value, out int consumed), consumed, ref value);

    /// <summary>The current number as a <see cref="ulong"/>; <see langword="false"/> when it has a fraction or exponent or does not fit.</summary>
    /// <param name="value">The number.</param>
    public readonly bool TryGetUInt64(out ulong value) => Whole(Utf8Parser.TryParse(NumberSpan, out value, out int consumed), consumed, ref value);

    /// <summary>The current number as a <see cref="short"/>; <see langword="false"/> when it has a fraction or exponent or does not fit.</summary>
    /// <param name="value">The number.</param>
    public readonly bool TryGetInt16(out short value) => Whole(Utf8Parser.TryParse(NumberSpan, out value, out int consumed), consumed, ref value);

    /// <summary>The current number as a <see cref="ushort"/>; <see langword="false"/> when it has a fraction or exponent or does not fit.</summary>
    /// <param name="value">The number.</param>
    public readonly bool TryGetUInt16(out ushort value) => Whole(Utf8Parser.TryParse(NumberSpan, out value, out int consumed), consumed, ref value);

    /// <summary>The current number as an <see cref="sbyte"/>; <see langword="false"/> when it has a fraction or exponent or does not fit.</summary>
    /// <param name="value">The number.</param>
    public readonly bool TryGetSByte(out sbyte value) => Whole(Utf8Parser.TryParse(NumberSpan, out value, out int consumed), consumed, ref value);

    /// <summary>The current number as a <see cref="byte"/>; <see langword="false"/> when it has a fraction or exponent or does not fit.</summary>
    /// <param name="value">The number.</param>
    public readonly bool TryGetByte(out byte value) => Whole(Utf8Parser.TryParse(NumberSpan, out value, out int consumed), consumed, ref value);

    /// <summary>The current string or property name, unescaped.</summary>
    /// <exception cref="InvalidOperationException">The token is not a string or property name.</exception>
    /// <exception cref="FormatException">The string holds a lone surrogate escape.</exception>
    public readonly string GetString()
    {
        ReadOnlySpan<byte> value = StringSpan;
        return ValueIsEscaped ? JsonUnescape.ToString(value) : Encoding.UTF8.GetString(value);
    }

    /// <summary>Unescapes the current string or property name into <paramref name="destination"/>; returns the bytes written.</summary>
    /// <param name="destination">At least <see cref="ValueSpan"/>'s length: unescaping never makes text longer.</param>
    /// <exception cref="InvalidOperationException">The token is not a string or property name.</exception>
    /// <exception cref="FormatException">The string holds a lone surrogate escape.</exception>
    public readonly int CopyString(Span<byte> destination)
    {
        ReadOnlySpan<byte> value = StringSpan;
        if (ValueIsEscaped)
        {
            return Utf8Unescape.Decode(value, destination);
        }

        value.CopyTo(destination);
        return value.Length;
    }

    /// <summary>Whether the parse took the whole number; else zero, as <see cref="Utf8JsonReader"/> gives.</summary>
    private readonly bool Whole<T>(bool parsed, int consumed, ref T value) where T : struct
    {
        if (parsed && consumed == _valueLength)
        {
            return true;
        }

        value = default;
        return false;
    }

    private readonly ReadOnlySpan<byte> NumberSpan => _tokenType == JsonTokenType.Number
        ? ValueSpan
        : throw new InvalidOperationException("The current token is " + _tokenType + ", not a number.");

    private readonly ReadOnlySpan<byte> StringSpan => _tokenType is JsonTokenType.String or JsonTokenType.PropertyName
        ? ValueSpan
        : throw new InvalidOperationException("The current token is " + _tokenType + ", not a string.");

    private readonly bool InObject
    {
        get
        {
            int index = _depth - 1;
            ulong bits = index < 64 ? _objects0 >> index : _objects1 >> (index - 64);
            return (bits & 1) != 0;
        }
    }

    private bool ReadAfterValue(ReadOnlySpan<byte> buffer, int i)
    {
        if (_depth == 0)
        {
            if (i >= buffer.Length)
            {
                _position = i;
                return false;
            }

            throw Syntax(buffer, Show(buffer[i]) + " is invalid after a single JSON value. Expected end of data.", i);
        }

        bool inObject = InObject;
        if ((uint)i < (uint)buffer.Length)
        {
            byte b = buffer[i];
            if (b == (byte)',')
            {
                i = SkipWhitespace(buffer, i + 1);
                if (inObject)
                {
                    ReadPropertyName(buffer, i);
                }
                else
                {
                    ReadValue(buffer, i);
                }

                return true;
            }

            if (b == (inObject ? (byte)'}' : (byte)']'))
            {
                Close(i, inObject ? JsonTokenType.EndObject : JsonTokenType.EndArray);
                return true;
            }
        }

        throw Expected(buffer, i, inObject ? "',' or '}' after a property value" : "',' or ']' after an array element");
    }

    private void ReadValue(ReadOnlySpan<byte> buffer, int i)
    {
        if ((uint)i >= (uint)buffer.Length)
        {
            throw Expected(buffer, i, "a value");
        }

        switch (buffer[i])
        {
            case (byte)'"':
                ReadString(buffer, i, JsonTokenType.String);
                return;
            case (byte)'{':
                Open(i, isObject: true);
                return;
            case (byte)'[':
                Open(i, isObject: false);
                return;
            case (byte)'t':
                ReadLiteral(buffer, i, "true"u8, JsonTokenType.True);
                return;
            case (byte)'f':
                ReadLiteral(buffer, i, "false"u8, JsonTokenType.False);
                return;
            case (byte)'n':
                ReadLiteral(buffer, i, "null"u8, JsonTokenType.Null);
                return;
            case (byte)'-':
            case >= (byte)'0' and <= (byte)'9':
                ReadNumber(buffer, i);
                return;
            default:
                throw Syntax(buffer, Show(buffer[i]) + " is an invalid start of a value.", i);
        }
    }

    private void ReadPropertyName(ReadOnlySpan<byte> buffer, int i)
    {
        if ((uint)i >= (uint)buffer.Length || buffer[i] != (byte)'"')
        {
            throw Expected(buffer, i, "a property name in double quotes");
        }

        ReadString(buffer, i, JsonTokenType.PropertyName);

        // The colon belongs to the name, as in Utf8JsonReader, whose BytesConsumed counts it.
        int colon = SkipWhitespace(buffer, _position);
        if ((uint)colon >= (uint)buffer.Length || buffer[colon] != (byte)':')
        {
            throw Expected(buffer, colon, "':' after a property name");
        }

        _position = colon + 1;
    }

    private void ReadString(ReadOnlySpan<byte> buffer, int start, JsonTokenType type)
    {
        int end = StringScanner.FindStringEnd(buffer, start + 1, out StringEscapes escapes);
        if (end < 0)
        {
            throw StringError(buffer, start);
        }

        _tokenType = type;
        _tokenStart = start;
        _valueStart = start + 1;
        _valueLength = end - start - 1;
        _escapes = escapes;
        _position = end + 1;
    }

    /// <summary>Why the string at <paramref name="start"/> is malformed: walked again byte by byte, off the fast path.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WireSyntaxException StringError(ReadOnlySpan<byte> buffer, int start)
    {
        for (int i = start + 1; i < buffer.Length;)
        {
            byte b = buffer[i];
            if (b == (byte)'\\')
            {
                i = SkipEscape(buffer, i);
            }
            else if (b < 0x20)
            {
                return Syntax(buffer, "A control character (0x" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + ") must be escaped in a string.", i);
            }
            else if (b == (byte)'"')
            {
                throw new InvalidOperationException("The string at " + start + " is well formed after all.");
            }
            else
            {
                i++;
            }
        }

        return EndOfStringMissing(buffer);
    }

    /// <summary>Checks the escape whose backslash is at <paramref name="i"/>; returns the index after it.</summary>
    private static int SkipEscape(ReadOnlySpan<byte> buffer, int i)
    {
        if (i + 1 >= buffer.Length)
        {
            throw EndOfStringMissing(buffer);
        }

        switch (buffer[i + 1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return i + 2;
            case (byte)'u':
                for (int digit = i + 2; digit < i + 6; digit++)
                {
                    if (digit >= buffer.Length)
                    {
                        throw EndOfStringMissing(buffer);
                    }

                    if (!char.IsAsciiHexDigit((char)buffer[digit]))
                    {
                        throw Syntax(buffer, Show(buffer[digit]) + " is not a hex digit: a \\u escape needs four.", digit);
                    }
                }

                return i + 6;
            default:
                throw Syntax(buffer, Show(buffer[i + 1]) + " cannot follow a backslash: the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.", i + 1);
        }
    }

    private void ReadNumber(ReadOnlySpan<byte> buffer, int start)
    {
        // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        int i = start;
        if (buffer[i] == (byte)'-')
        {
            i++;
        }

        if ((uint)i < (uint)buffer.Length && buffer[i] == (byte)'0')
        {
            i++;
        }
        else
        {
            i = Digits(buffer, i, "a digit");
        }

        if ((uint)i < (uint)buffer.Length && buffer[i] == (byte)'.')
        {
            i = Digits(buffer, i + 1, "a digit after the decimal point");
        }

        if ((uint)i < (uint)buffer.Length && (buffer[i] | 0x20) == (byte)'e')
        {
            i++;
            if ((uint)i < (uint)buffer.Length && buffer[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            i = Digits(buffer, i, "a digit in the exponent");
        }

        _tokenType = JsonTokenType.Number;
        _tokenStart = start;
        _valueStart = start;
        _valueLength = i - start;
        _escapes = StringEscapes.None;
        _position = i;
    }

    /// <summary>One digit or more from <paramref name="i"/>; returns the index after them.</summary>
    private static int Digits(ReadOnlySpan<byte> buffer, int i, string expected)
    {
        if ((uint)i >= (uint)buffer.Length || !char.IsAsciiDigit((char)buffer[i]))
        {
            throw Expected(buffer, i, expected);
        }

        i++;
        while ((uint)i < (uint)buffer.Length && char.IsAsciiDigit((char)buffer[i]))
        {
            i++;
        }

        return i;
    }

    private void ReadLiteral(ReadOnlySpan<byte> buffer, int start, ReadOnlySpan<byte> literal, JsonTokenType type)
    {
        if (!buffer[start..].StartsWith(literal))
        {
            throw Syntax(buffer, "Expected '" + Encoding.ASCII.GetString(literal) + "' at the start of this value.", start);
        }

        _tokenType = type;
        _tokenStart = start;
        _valueStart = start;
        _valueLength = literal.Length;
        _escapes = StringEscapes.None;
        _position = start + literal.Length;
    }

    private void Open(int i, bool isObject)
    {
        int index = _depth;
        if (index >= Wire.MaxDepth)
        {
            throw Syntax(_buffer, "The JSON nests more than " + Wire.MaxDepth + " arrays and objects, beyond serde_json's recursion limit.", i);
        }

        ulong bit = 1UL << (index & 63);
        if (index < 64)
        {
            _objects0 = isObject ? _objects0 | bit : _objects0 & ~bit;
        }
        else
        {
            _objects1 = isObject ? _objects1 | bit : _objects1 & ~bit;
        }

        _depth = index + 1;
        _tokenType = isObject ? JsonTokenType.StartObject : JsonTokenType.StartArray;
        _tokenStart = i;
        _valueStart = i;
        _valueLength = 1;
        _escapes = StringEscapes.None;
        _position = i + 1;
    }

    private void Close(int i, JsonTokenType type)
    {
        _depth--;
        _tokenType = type;
        _tokenStart = i;
        _valueStart = i;
        _valueLength = 1;
        _escapes = StringEscapes.None;
        _position = i + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> buffer, int i)
    {
        // Compact JSON has no whitespace: one compare in the common case.
        while ((uint)i < (uint)buffer.Length && buffer[i] <= (byte)' ')
        {
            byte b = buffer[i];
            if (b != (byte)' ' && b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t')
            {
                break;
            }

            i++;
        }

        return i;
    }

    /// <summary>A syntax error at <paramref name="position"/>, with its 1-based line and column counted on this error path only.</summary>
    private static WireSyntaxException Syntax(ReadOnlySpan<byte> buffer, string problem, long position)
    {
        ReadOnlySpan<byte> before = buffer[..(int)Math.Min(Math.Max(position, 0), buffer.Length)];
        int lastNewline = before.LastIndexOf((byte)'\n');
        long line = 1 + before.Count((byte)'\n');
        long column = position - lastNewline;
        return new WireSyntaxException(problem, position, line, column);
    }

    private static WireSyntaxException Expected(ReadOnlySpan<byte> buffer, int i, string what) =>
        (uint)i >= (uint)buffer.Length
            ? Syntax(buffer, "Expected " + what + ", but instead reached end of data.", buffer.Length)
            : Syntax(buffer, "Expected " + what + ", found " + Show(buffer[i]) + ".", i);

    private static WireSyntaxException EndOfStringMissing(ReadOnlySpan<byte> buffer) =>
        Syntax(buffer, "Expected end of string, but instead reached end of data.", buffer.Length);

    private static string Show(byte b) =>
        b is >= 0x20 and < 0x7F ? "'" + (char)b + "'" : "byte 0x" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);

    private static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        int index = 0;
        while (Rune.DecodeFromUtf8(utf8[index..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
        {
            index += consumed;
        }

        return index;
    }
}
