using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rho.Fast.Serialization;

namespace Rho.Fast.Cli;

/// <summary>
/// A tool call's arguments for reading: an object of plain values as <c>key: value</c> lines
/// (multi-line strings as indented blocks), anything else as indented JSON, or on one line when
/// it nests too deep to indent usefully.
/// </summary>
internal static class ArgumentText
{
    private const int MaxIndentedDepth = 8;

    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = Wire.MaxDepth + 1,
    };

    private static readonly JsonWriterOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = Wire.MaxDepth + 1,
    };

    public static void Write(TextWriter output, RawJson arguments, string indent, Style style)
    {
        ReadOnlySpan<byte> json = arguments.Utf8.Span;
        int depth = MaxDepth(json, out bool flatObject);
        if (flatObject)
        {
            WriteFields(output, json, indent, style);
            return;
        }

        string text = Printable.Text(Reformat(json, depth <= MaxIndentedDepth ? Indented : Compact));
        foreach (string line in text.Split('\n'))
        {
            output.WriteLine(indent + line);
        }
    }

    /// <summary>The deepest nesting, and whether the value is an object whose members are all plain values.</summary>
    private static int MaxDepth(ReadOnlySpan<byte> json, out bool flatObject)
    {
        var reader = new Utf8JsonReader(json, Wire.ReaderOptions);
        int max = 0;
        bool nested = false;
        flatObject = reader.Read() && reader.TokenType == JsonTokenType.StartObject;
        do
        {
            max = Math.Max(max, reader.CurrentDepth + 1);
            nested |= reader.CurrentDepth > 0 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
        }
        while (reader.Read());

        flatObject &= !nested;
        return max;
    }

    private static void WriteFields(TextWriter output, ReadOnlySpan<byte> json, string indent, Style style)
    {
        var reader = new Utf8JsonReader(json, Wire.ReaderOptions);
        reader.Read();
        bool any = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            any = true;
            string key = style.Dim(Printable.Line(reader.GetString()!) + ":");
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                output.WriteLine(indent + key + " " + Printable.Line(Encoding.UTF8.GetString(reader.ValueSpan)));
                continue;
            }

            string value = Printable.Text(reader.GetString()!);
            if (!value.Contains('\n'))
            {
                output.WriteLine(indent + key + " " + value);
                continue;
            }

            output.WriteLine(indent + key);
            foreach (string line in value.TrimEnd('\n').Split('\n'))
            {
                output.WriteLine(indent + "  " + line);
            }
        }

        if (!any)
        {
            output.WriteLine(indent + style.Dim("(no arguments)"));
        }
    }

    private static string Reformat(ReadOnlySpan<byte> json, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(json.Length * 2);
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            var reader = new Utf8JsonReader(json, Wire.ReaderOptions);
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        writer.WriteStartObject();
                        break;
                    case JsonTokenType.EndObject:
                        writer.WriteEndObject();
                        break;
                    case JsonTokenType.StartArray:
                        writer.WriteStartArray();
                        break;
                    case JsonTokenType.EndArray:
                        writer.WriteEndArray();
                        break;
                    case JsonTokenType.PropertyName:
                        writer.WritePropertyName(reader.GetString()!);
                        break;
                    case JsonTokenType.String:
                        writer.WriteStringValue(reader.GetString());
                        break;
                    default:
                        // Numbers and literals keep their spelling.
                        writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                        break;
                }
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
