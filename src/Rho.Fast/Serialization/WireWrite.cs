using System;
using System.Buffers;
using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rho.Fast.Serialization;

/// <summary>
/// Writing primitives for generated serializers: each writes serde_json's exact bytes through a
/// <see cref="Utf8JsonWriter"/>, whatever encoder the writer was configured with.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class WireWrite
{
    private const int StackLimit = 256;

    /// <summary>Pre-encodes a property name with serde_json's escaping, for <see cref="Utf8JsonWriter.WritePropertyName(JsonEncodedText)"/>.</summary>
    /// <param name="name">The property name.</param>
    public static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, SerdeJavaScriptEncoder.Instance);

    /// <summary>Writes a string value with serde_json's escaping; lone surrogates become U+FFFD.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="value">The string.</param>
    public static void String(Utf8JsonWriter writer, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int max = SerdeEscaping.MaxQuotedLength(value.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(max));
        int written = SerdeEscaping.WriteQuoted(value, buffer.Slice(0, max));
        writer.WriteRawValue(buffer.Slice(0, written), skipInputValidation: true);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Writes a double as serde_json does; NaN and infinities become <c>null</c>, as in serde_json.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="value">The number.</param>
    public static void Double(Utf8JsonWriter writer, double value)
    {
        if (!double.IsFinite(value))
        {
            writer.WriteNullValue();
            return;
        }

        Span<byte> buffer = stackalloc byte[SerdeNumbers.MaxDoubleLength];
        int written = SerdeNumbers.FormatDouble(value, buffer);
        writer.WriteRawValue(buffer.Slice(0, written), skipInputValidation: true);
    }

    /// <summary>The encoder used only to pre-encode property names; values take the faster <see cref="SerdeEscaping"/> path.</summary>
    private sealed class SerdeJavaScriptEncoder : JavaScriptEncoder
    {
        public static readonly SerdeJavaScriptEncoder Instance = new();

        public override int MaxOutputCharactersPerInputCharacter => 6;

        public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
        {
            var span = new ReadOnlySpan<char>(text, textLength);
            for (int i = 0; i < span.Length; i++)
            {
                if (WillEncode(span[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
        {
            if (!WillEncode(unicodeScalar))
            {
                return new System.Text.Rune(unicodeScalar).TryEncodeToUtf16(new Span<char>(buffer, bufferLength), out numberOfCharactersWritten);
            }

            Span<byte> escaped = stackalloc byte[6];
            int length = SerdeEscaping.EscapeAscii((byte)unicodeScalar, escaped);
            if (length > bufferLength)
            {
                numberOfCharactersWritten = 0;
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                buffer[i] = (char)escaped[i];
            }

            numberOfCharactersWritten = length;
            return true;
        }

        public override bool WillEncode(int unicodeScalar) => unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\';
    }
}
