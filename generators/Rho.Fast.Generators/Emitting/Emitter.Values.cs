using System.Collections.Generic;
using System.Linq;
using Rho.Fast.Generators.Model;

namespace Rho.Fast.Generators.Emitting;

/// <summary>Reading and writing one member value, and the list readers.</summary>
internal sealed partial class Emitter
{
    private void EmitValueWrite(TypeModel type, string value)
    {
        if (type.IsOptional)
        {
            _w.Open("if (" + value + " is null)");
            _w.Line("writer.WriteNullValue();");
            _w.Close();
            _w.Open("else");
            EmitValueWrite(type with { IsOptional = false }, type.IsValueType ? value + ".Value" : value);
            _w.Close();
            return;
        }

        switch (type.Kind)
        {
            case ValueKind.String:
                _w.Line(Write + ".String(writer, " + value + ");");
                break;
            case ValueKind.Boolean:
                _w.Line("writer.WriteBooleanValue(" + value + ");");
                break;
            case ValueKind.Double:
                _w.Line(Write + ".Double(writer, " + value + ");");
                break;
            case ValueKind.Raw:
                _w.Line(value + ".WriteTo(writer);");
                break;
            case ValueKind.Wire:
                _w.Line(value + ".WriteWire(writer);");
                break;
            case ValueKind.Value:
                _w.Line(value + ".WriteTo(writer);");
                break;
            case ValueKind.Single:
            case ValueKind.Int128:
            case ValueKind.UInt128:
            case ValueKind.Rune:
            case ValueKind.Char:
                _w.Line(Write + "." + type.Kind + "(writer, " + value + ");");
                break;
            case ValueKind.Enum:
                _w.Line(type.FullName + "Wire.Write(writer, " + value + ");");
                break;
            case ValueKind.Map:
                _w.Line("writer.WriteStartObject();");
                EmitMapEntriesWrite(type, value);
                _w.Line("writer.WriteEndObject();");
                break;
            case ValueKind.List:
                int local = _locals++;
                string item = "__item" + local;
                _w.Line("writer.WriteStartArray();");
                if (type.ListKind is ListKind.ReadOnlyList or ListKind.IndexedList)
                {
                    // Index the interface rather than enumerate it: no boxed enumerator per list.
                    string list = "__list" + local;
                    string index = "__i" + local;
                    _w.Line("var " + list + " = " + value + ";");
                    _w.Open("for (int " + index + " = 0; " + index + " < " + list + ".Count; " + index + "++)");
                    _w.Line("var " + item + " = " + list + "[" + index + "];");
                }
                else
                {
                    _w.Open("foreach (var " + item + " in " + value + ")");
                }

                EmitValueWrite(type.Element!, item);
                _w.Close();
                _w.Line("writer.WriteEndArray();");
                break;
            default:
                _w.Line("writer.WriteNumberValue(" + value + ");");
                break;
        }
    }

    // ---- value reading --------------------------------------------------------------------------

    private string ReadExpression(TypeModel type, string caseName, string field)
    {
        string context = "__Type, " + caseName + ", " + field;
        string expression = type.Kind switch
        {
            ValueKind.String => Read + ".String(ref reader, " + context + ")",
            ValueKind.Boolean => Read + ".Boolean(ref reader, " + context + ")",
            ValueKind.Double => Read + ".Double(ref reader, " + context + ")",
            ValueKind.Raw => Read + ".Raw(ref reader, " + context + ")",
            ValueKind.Enum => type.FullName + "Wire.Read(ref reader, " + context + ")",
            ValueKind.Map => "__ReadList" + ListIndex(type) + "(ref reader, " + caseName + ", " + field + ")",
            ValueKind.Wire => Read + ".Nested<" + type.FullName + ">(ref reader, " + context + ")",
            ValueKind.List => "__ReadList" + ListIndex(type) + "(ref reader, " + caseName + ", " + field + ")",
            _ => Read + "." + type.Kind + "(ref reader, " + context + ")",
        };
        return type.IsOptional
            ? "(reader.TokenType == " + Token + ".Null ? default(" + TypeName(type) + ") : " + expression + ")"
            : expression;
    }

    private int ListIndex(TypeModel type)
    {
        TypeModel key = type with { IsOptional = false };
        int index = _lists.IndexOf(key);
        if (index < 0)
        {
            _lists.Add(key);
            index = _lists.Count - 1;
        }

        return index;
    }

    private void EmitListReaders()
    {
        // Reading a list may register nested list types, so walk by index as the list grows.
        for (int i = 0; i < _lists.Count; i++)
        {
            TypeModel list = _lists[i];
            if (list.Kind == ValueKind.Map)
            {
                EmitMapReader(list, i);
                continue;
            }

            string element = TypeName(list.Element!);
            _w.Open("private static " + list.FullName + " __ReadList" + i + "(ref " + Reader + " reader, string? caseName, string? field)");
            _w.Line(Read + ".Expect(ref reader, " + Token + ".StartArray, __Type, caseName, field, \"an array\");");
            if (list.ListKind is ListKind.Array or ListKind.ReadOnlyList)
            {
                EmitExactListBody(list, element);
            }
            else
            {
                _w.Line("var items = new global::System.Collections.Generic.List<" + element + ">();");
                _w.Open("while (true)");
                _w.Line(Read + ".Next(ref reader, __Type, caseName, field);");
                _w.Open("if (reader.TokenType == " + Token + ".EndArray)");
                _w.Line("break;");
                _w.Close();
                _w.Line();
                EmitListAdd(list, "items");
                _w.Close();
                _w.Line();
                _w.Line("return items;");
            }

            _w.Close();
            _w.Line();
        }
    }

    /// <summary>
    /// The body of a reader for a list nobody adds to (an array or a read-only list): an array of
    /// exactly its length, with no growing list left behind for the common lists of one or none.
    /// A kept read is promoted by the collector byte for byte, so spare capacity costs twice.
    /// </summary>
    private void EmitExactListBody(TypeModel list, string element)
    {
        _w.Line(Read + ".Next(ref reader, __Type, caseName, field);");
        _w.Open("if (reader.TokenType == " + Token + ".EndArray)");
        _w.Line("return global::System.Array.Empty<" + element + ">();");
        _w.Close();
        _w.Line();
        _w.Line(element + " first;");
        _w.Open("try");
        _w.Line("first = " + ReadExpression(list.Element!, "caseName", "field") + ";");
        _w.Close();
        _w.Open("catch (global::Rho.Fast.Serialization.WireFormatException e) when (" + Read + ".AtIndex(e, 0))");
        _w.Line("throw;");
        _w.Close();
        _w.Line();
        _w.Line(Read + ".Next(ref reader, __Type, caseName, field);");
        _w.Open("if (reader.TokenType == " + Token + ".EndArray)");
        _w.Line("return new " + ArrayOf(element, "1") + " { first };");
        _w.Close();
        _w.Line();
        _w.Line("var items = new global::System.Collections.Generic.List<" + element + ">(4) { first };");
        _w.Open("while (true)");
        EmitListAdd(list, "items");
        _w.Line();
        _w.Line(Read + ".Next(ref reader, __Type, caseName, field);");
        _w.Open("if (reader.TokenType == " + Token + ".EndArray)");
        _w.Line("return items.ToArray();");
        _w.Close();
        _w.Close();
    }

    private void EmitListAdd(TypeModel list, string items)
    {
        _w.Open("try");
        _w.Line(items + ".Add(" + ReadExpression(list.Element!, "caseName", "field") + ");");
        _w.Close();
        _w.Open("catch (global::Rho.Fast.Serialization.WireFormatException e) when (" + Read + ".AtIndex(e, " + items + ".Count))");
        _w.Line("throw;");
        _w.Close();
    }

    /// <summary>The array creation of <paramref name="element"/> with <paramref name="length"/>, right for arrays of arrays too (<c>int[1][]</c>).</summary>
    private static string ArrayOf(string element, string length)
    {
        int bracket = element.IndexOf('[');
        return bracket < 0 ? element + "[" + length + "]" : element.Substring(0, bracket) + "[" + length + "]" + element.Substring(bracket);
    }

    /// <summary>Writes a map's entries in serde_json's BTreeMap order; the writer is inside an object.</summary>
    private void EmitMapEntriesWrite(TypeModel type, string value)
    {
        int local = _locals++;
        string map = "__map" + local;
        string key = "__key" + local;
        bool integer = type.Key!.Kind != ValueKind.String;
        _w.Line("var " + map + " = " + value + ";");
        _w.Open("foreach (var " + key + " in " + Write + "." + (integer ? "SortedIntegerKeys" : "SortedKeys") + "(" + map + "))");
        _w.Line(Write + ".Key(writer, " + key + ");");
        EmitValueWrite(type.Element!, map + "[" + key + "]");
        _w.Close();
    }

    private void EmitMapReader(TypeModel map, int index)
    {
        TypeModel key = map.Key!;
        _w.Open("private static " + map.FullName + " __ReadList" + index + "(ref " + Reader + " reader, string? caseName, string? field)");
        _w.Line(Read + ".Expect(ref reader, " + Token + ".StartObject, __Type, caseName, field, \"a map\");");
        _w.Line("var items = " + map.Concrete + ";");
        _w.Open("while (true)");
        _w.Line(Read + ".Next(ref reader, __Type, caseName, field);");
        _w.Open("if (reader.TokenType == " + Token + ".EndObject)");
        _w.Line("break;");
        _w.Close();
        _w.Line();
        if (key.Kind == ValueKind.String)
        {
            _w.Line("string key = " + Read + ".KeyString(ref reader, __Type, caseName, field);");
        }
        else
        {
            bool signed = key.Kind is ValueKind.SByte or ValueKind.Int16 or ValueKind.Int32 or ValueKind.Int64;
            _w.Line(key.FullName + " key = (" + key.FullName + ")" + Read + ".IntegerKey(ref reader, __Type, caseName, field, " + (signed ? "true" : "false") + ", " + key.FullName + ".MinValue, " + key.FullName + ".MaxValue);");
        }

        _w.Line(Read + ".Next(ref reader, __Type, caseName, field);");
        _w.Line("// A repeated key keeps its last value, as serde's maps do.");
        _w.Open("try");
        _w.Line("items[key] = " + ReadExpression(map.Element!, "caseName", "field") + ";");
        _w.Close();
        _w.Open("catch (global::Rho.Fast.Serialization.WireFormatException e) when (" + Read + ".AtKey(e, " + (key.Kind == ValueKind.String ? "key" : "key.ToString(global::System.Globalization.CultureInfo.InvariantCulture)") + "))");
        _w.Line("throw;");
        _w.Close();
        _w.Close();
        _w.Line();
        _w.Line("return items;");
        _w.Close();
        _w.Line();
    }
}
