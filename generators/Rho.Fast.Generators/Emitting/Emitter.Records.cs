using System.Collections.Generic;
using System.Linq;
using Rho.Fast.Generators.Model;

namespace Rho.Fast.Generators.Emitting;

/// <summary>Struct bodies (records and struct cases): the object and array-form reader, and the field writer.</summary>
internal sealed partial class Emitter
{
    // ---- struct bodies (struct cases and records) -----------------------------------------------

    private static string FieldsReaderName(string name) => "__ReadFields_" + name.TrimStart('@');

    private static string ElementsReaderName(string name) => "__ReadElements_" + name.TrimStart('@');

    private static bool HasFlatten(EquatableArray<MemberModel> members)
    {
        foreach (MemberModel m in members)
        {
            if (m.Flatten != FlattenKind.None)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Emits the reader of an object whose keys are <paramref name="members"/>. With
    /// <paramref name="startsOnValue"/>, the reader starts on the value's first token; without, it
    /// starts inside an internally tagged object. With <paramref name="arrayForm"/>, serde's array of
    /// the fields is read too (serde's untagged and adjacently tagged struct variants have no such form).
    /// </summary>
    private void EmitFieldsReader(string name, string fullName, string caseName, EquatableArray<MemberModel> members, bool startsOnValue, bool arrayForm)
    {
        string tag = _model.Representation == Representation.Internal ? _model.Tag! : "";

        // Flattened records contribute their own fields as slots, and so do records flattened into
        // those; a catch-all map, at any depth, takes the rest.
        var slots = new List<(MemberModel Member, string Local)>();
        string? catchAll = null;
        TypeModel? catchAllType = null;
        bool flattens = false;
        string Collect(MemberModel m, string local)
        {
            switch (m.Flatten)
            {
                case FlattenKind.Record:
                    flattens = true;
                    var inner = new List<string>();
                    for (int j = 0; j < m.Inner.Count; j++)
                    {
                        inner.Add(Collect(m.Inner[j], local + "_" + j));
                    }

                    return "new " + m.Type.FullName + "(" + string.Join(", ", inner) + ")";
                case FlattenKind.Map:
                    flattens = true;
                    catchAll = local;
                    catchAllType = m.Type;
                    return local;
                default:
                    slots.Add((m, local));
                    return local;
            }
        }

        var arguments = new List<string>();
        for (int i = 0; i < members.Count; i++)
        {
            arguments.Add(Collect(members[i], "f" + i));
        }

        _w.Open("private static " + fullName + " " + FieldsReaderName(name) + "(ref " + Reader + " reader, bool tagSeen)");
        foreach ((MemberModel m, string local) in slots)
        {
            _w.Line(TypeName(m.Type) + " " + local + " = default!;");
        }

        if (catchAll is not null)
        {
            _w.Line("var " + catchAll + " = " + catchAllType!.Concrete + ";");
        }

        // serde reads a struct from an array of its fields too, but not once a member is flattened.
        if (arrayForm && !flattens)
        {
            _w.Open("if (reader.TokenType == " + Token + ".StartArray)");
            _w.Line("return " + ElementsReaderName(name) + "(ref reader, 0);");
            _w.Close();
            _w.Line();
        }

        if (startsOnValue)
        {
            _w.Line(Read + ".Expect(ref reader, " + Token + ".StartObject, __Type, " + caseName + ", null, \"an object\");");
        }

        for (int i = 0; i < slots.Count; i++)
        {
            _w.Line("bool has" + i + " = false;");
        }

        _w.Open("while (true)");
        _w.Line(Read + ".Next(ref reader, __Type, " + caseName + ", null);");
        _w.Open("if (reader.TokenType == " + Token + ".EndObject)");
        _w.Line("break;");
        _w.Close();
        _w.Line();
        _w.Line(Span + " key = " + Read + ".Key(ref reader);");
        string keyword = "if";
        for (int i = 0; i < slots.Count; i++)
        {
            (MemberModel m, string local) = slots[i];
            string field = Literals.String(m.WireName);
            string test = "global::System.MemoryExtensions.SequenceEqual(key, " + Literals.Utf8(m.WireName) + ")";
            foreach (string alias in m.Aliases)
            {
                test += " || global::System.MemoryExtensions.SequenceEqual(key, " + Literals.Utf8(alias) + ")";
            }

            _w.Open(keyword + " (" + test + ")");
            _w.Open("if (has" + i + ")");
            _w.Line("throw " + Read + ".DuplicateField(ref reader, __Type, " + caseName + ", " + field + ");");
            _w.Close();
            _w.Line();
            _w.Line("has" + i + " = true;");
            _w.Line(Read + ".Next(ref reader, __Type, " + caseName + ", " + field + ");");
            _w.Line(local + " = " + ReadExpression(m.Type, caseName, field) + ";");
            _w.Close();
            keyword = "else if";
        }

        if (tag.Length > 0)
        {
            _w.Open(keyword + " (global::System.MemoryExtensions.SequenceEqual(key, " + Literals.Utf8(tag) + "))");
            _w.Open("if (tagSeen)");
            _w.Line("throw " + Read + ".DuplicateField(ref reader, __Type, " + caseName + ", " + Literals.String(tag) + ");");
            _w.Close();
            _w.Line();
            _w.Line("tagSeen = true;");
            _w.Line(Read + ".SkipValue(ref reader, __Type, " + caseName + ");");
            _w.Close();
            keyword = "else if";
        }

        string[] unknown;
        if (catchAll is not null)
        {
            unknown = new[]
            {
                "string __key = " + Read + ".KeyString(ref reader, __Type, " + caseName + ", null);",
                Read + ".Next(ref reader, __Type, " + caseName + ", __key);",
                catchAll + "[__key] = " + Read + ".Value(ref reader, __Type, " + caseName + ", __key);",
            };
        }
        else if (_model.DenyUnknownFields && _model.Representation == Representation.Record)
        {
            string expected = string.Join(", ", slots.Select(x => "`" + x.Member.WireName + "`"));
            unknown = new[] { "throw " + Read + ".UnknownField(ref reader, __Type, " + caseName + ", " + Literals.String(expected) + ");" };
        }
        else
        {
            unknown = new[] { Read + ".SkipValue(ref reader, __Type, " + caseName + ");" };
        }

        if (keyword != "if")
        {
            _w.Open("else");
        }

        foreach (string line in unknown)
        {
            _w.Line(line);
        }

        if (keyword != "if")
        {
            _w.Close();
        }

        _w.Close();
        _w.Line();
        for (int i = 0; i < slots.Count; i++)
        {
            (MemberModel m, string local) = slots[i];
            if (m.Default is not null)
            {
                _w.Open("if (!has" + i + ")");
                _w.Line(local + " = " + m.Default + ";");
                _w.Close();
                _w.Line();
            }
            else if (!m.Type.IsOptional)
            {
                _w.Open("if (!has" + i + ")");
                _w.Line("throw " + Read + ".MissingField(ref reader, __Type, " + caseName + ", " + Literals.String(m.WireName) + ");");
                _w.Close();
                _w.Line();
            }
        }

        _w.Line("return new " + fullName + "(" + string.Join(", ", arguments) + ");");
        _w.Close();
        _w.Line();
    }

    /// <summary>
    /// Emits the reader of serde's array form of a struct: the reader starts on the token before the
    /// first element (the <c>[</c>, or an internally tagged array's tag) and is left on the <c>]</c>.
    /// As in serde's <c>visit_seq</c>, missing trailing elements take their defaults when they have one.
    /// An error names the element's index in the array, counting from <c>first</c> (1 after a tag).
    /// </summary>
    private void EmitElementsReader(string name, string fullName, string caseName, EquatableArray<MemberModel> members)
    {
        _w.Open("private static " + fullName + " " + ElementsReaderName(name) + "(ref " + Reader + " reader, int first)");
        if (HasFlatten(members))
        {
            _w.Line("throw " + Read + ".Unexpected(ref reader, __Type, " + caseName + ", null, \"an object, as a flattened member has no array form\");");
            _w.Close();
            _w.Line();
            return;
        }

        for (int i = 0; i < members.Count; i++)
        {
            _w.Line(TypeName(members[i].Type) + " f" + i + ";");
        }

        for (int i = 0; i < members.Count; i++)
        {
            _w.Line(Read + ".Next(ref reader, __Type, " + caseName + ", null);");
            _w.Open("if (reader.TokenType == " + Token + ".EndArray)");
            bool defaults = true;
            for (int j = i; j < members.Count; j++)
            {
                defaults &= members[j].Default is not null;
            }

            if (defaults)
            {
                for (int j = i; j < members.Count; j++)
                {
                    _w.Line("f" + j + " = " + members[j].Default + ";");
                }

                _w.Line("return new " + fullName + "(" + string.Join(", ", members.Select((_, k) => "f" + k)) + ");");
            }
            else
            {
                _w.Line("throw " + Read + ".Invalid(ref reader, __Type, " + caseName + ", \"the array form needs " + members.Count + " elements, found " + i + "\");");
            }

            _w.Close();
            _w.Line();
            EmitElementRead("f" + i, members[i].Type, caseName, "first + " + i);
        }

        _w.Line(Read + ".Next(ref reader, __Type, " + caseName + ", null);");
        _w.Open("if (reader.TokenType != " + Token + ".EndArray)");
        _w.Line("throw " + Read + ".Invalid(ref reader, __Type, " + caseName + ", \"the array form needs " + members.Count + " elements, found more\");");
        _w.Close();
        _w.Line();
        _w.Line("return new " + fullName + "(" + string.Join(", ", members.Select((_, i) => "f" + i)) + ");");
        _w.Close();
        _w.Line();
    }

    /// <summary>Reads one array element into <paramref name="local"/> (declared already), adding its index to the path of an error inside it.</summary>
    private void EmitElementRead(string local, TypeModel type, string caseName, string index)
    {
        _w.Open("try");
        _w.Line(local + " = " + ReadExpression(type, caseName, "null") + ";");
        _w.Close();
        _w.Open("catch (global::Rho.Fast.Serialization.WireFormatException e) when (" + Read + ".AtIndex(e, " + index + "))");
        _w.Line("throw;");
        _w.Close();
        _w.Line();
    }

    /// <summary>Emits the reader of a tuple case: an array of exactly its members; the reader is on the <c>[</c>.</summary>
    private void EmitTupleReader(CaseModel c)
    {
        string caseName = Literals.String(c.WireName);
        int count = c.Members.Count;
        _w.Open("private static " + c.FullName + " " + ElementsReaderName(c.Name) + "(ref " + Reader + " reader)");
        _w.Line(Read + ".Expect(ref reader, " + Token + ".StartArray, __Type, " + caseName + ", null, \"an array of " + count + "\");");
        for (int i = 0; i < count; i++)
        {
            _w.Line(TypeName(c.Members[i].Type) + " f" + i + ";");
        }

        for (int i = 0; i < count; i++)
        {
            _w.Line(Read + ".Next(ref reader, __Type, " + caseName + ", null);");
            _w.Open("if (reader.TokenType == " + Token + ".EndArray)");
            _w.Line("throw " + Read + ".Invalid(ref reader, __Type, " + caseName + ", \"expected an array of " + count + ", found " + i + " elements\");");
            _w.Close();
            _w.Line();
            EmitElementRead("f" + i, c.Members[i].Type, caseName, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _w.Line(Read + ".Next(ref reader, __Type, " + caseName + ", null);");
        _w.Open("if (reader.TokenType != " + Token + ".EndArray)");
        _w.Line("throw " + Read + ".Invalid(ref reader, __Type, " + caseName + ", \"expected an array of " + count + ", found more elements\");");
        _w.Close();
        _w.Line();
        _w.Line("return new " + c.FullName + "(" + string.Join(", ", c.Members.Select((_, i) => "f" + i)) + ");");
        _w.Close();
        _w.Line();
    }

    private void EmitFieldsWrite(EquatableArray<MemberModel> members, string owner)
    {
        foreach (MemberModel m in members)
        {
            string value = owner + m.Name;
            if (m.Flatten == FlattenKind.Record)
            {
                _w.Line(value + ".WriteWireFields(writer);");
                continue;
            }

            if (m.Flatten == FlattenKind.Map)
            {
                EmitMapEntriesWrite(m.Type, value);
                continue;
            }

            string? condition = m.Skip switch
            {
                1 => value + " is not null",
                2 => (m.Type.IsOptional ? value + " is not null && " : "") + value + "." + (m.Type.ListKind == ListKind.Array ? "Length" : "Count") + " != 0",
                _ => null,
            };
            if (condition is not null)
            {
                _w.Open("if (" + condition + ")");
            }

            _w.Line("writer.WritePropertyName(" + NameField(m.WireName) + ");");
            EmitValueWrite(m.Type, value);
            if (condition is not null)
            {
                _w.Close();
            }
        }
    }

    private void EmitRecordReadWrite()
    {
        if (_model.Layout != RecordLayout.Object)
        {
            EmitShapedRecordReadWrite();
            return;
        }

        _w.Line("/// <summary>Reads a <see cref=\"" + Cref(_model.Name) + "\"/> from a JSON object (or serde's array form); the reader is left on its last token.</summary>");
        _w.Line("/// <param name=\"reader\">The wire reader, on the value's first token.</param>");
        _w.Line("public " + Hides + "static " + _model.FullName + " ReadWire(ref " + Reader + " reader) => " + FieldsReaderName(_model.Name) + "(ref reader, false);");
        _w.Line();
        EmitReadWireElements(ElementsReaderName(_model.Name) + "(ref reader, 1)");
        _w.Line("/// <summary>Writes this value exactly as serde_json writes it.</summary>");
        _w.Line("/// <param name=\"writer\">The JSON writer.</param>");
        _w.Open("public " + Hides + "void WriteWire(" + Writer + " writer)");
        _w.Line("writer.WriteStartObject();");
        _w.Line("WriteWireFields(writer);");
        _w.Line("writer.WriteEndObject();");
        _w.Close();
        _w.Line();
        _w.Line("/// <summary>Writes this value's fields without the braces, for a tag merged into the object.</summary>");
        _w.Line("/// <param name=\"writer\">The JSON writer, inside an object.</param>");
        _w.Line(NeverBrowsable);
        _w.Open("public " + Hides + "void WriteWireFields(" + Writer + " writer)");
        EmitFieldsWrite(_model.Fields, "this.");
        _w.Close();
        _w.Line();
    }

    /// <summary>The entry an internally tagged union's array form uses for a record payload: <c>["case", fields...]</c>.</summary>
    private void EmitReadWireElements(string body)
    {
        _w.Line("/// <summary>Reads serde's array form of this record from inside an array, after the token before its first element (an internally tagged array's tag); the reader is left on the <c>]</c>.</summary>");
        _w.Line("/// <param name=\"reader\">The wire reader, on the token before the first element.</param>");
        _w.Line(NeverBrowsable);
        _w.Line("public " + Hides + "static " + _model.FullName + " ReadWireElements(ref " + Reader + " reader) => " + body + ";");
        _w.Line();
    }

    /// <summary>Transparent, tuple and unit records: a bare value, an array, or <c>null</c>.</summary>
    private void EmitShapedRecordReadWrite()
    {
        EquatableArray<MemberModel> fields = _model.Fields;
        _w.Line("/// <summary>Reads a <see cref=\"" + Cref(_model.Name) + "\"/> as serde reads it; the reader is left on its last token.</summary>");
        _w.Line("/// <param name=\"reader\">The wire reader, on the value's first token.</param>");
        _w.Open("public " + Hides + "static " + _model.FullName + " ReadWire(ref " + Reader + " reader)");
        switch (_model.Layout)
        {
            case RecordLayout.Transparent:
                _w.Line("return new " + _model.FullName + "(" + ReadExpression(fields[0].Type, "null", "null") + ");");
                break;
            case RecordLayout.Unit:
                _w.Line(Read + ".Expect(ref reader, " + Token + ".Null, __Type, null, null, \"null\");");
                _w.Line("return new " + _model.FullName + "();");
                break;
            default:
                _w.Line(Read + ".Expect(ref reader, " + Token + ".StartArray, __Type, null, null, \"an array of " + fields.Count + "\");");
                for (int i = 0; i < fields.Count; i++)
                {
                    _w.Line(TypeName(fields[i].Type) + " f" + i + ";");
                }

                for (int i = 0; i < fields.Count; i++)
                {
                    _w.Line(Read + ".Next(ref reader, __Type, null, null);");
                    _w.Open("if (reader.TokenType == " + Token + ".EndArray)");
                    _w.Line("throw " + Read + ".Invalid(ref reader, __Type, null, \"expected an array of " + fields.Count + ", found " + i + " elements\");");
                    _w.Close();
                    _w.Line();
                    EmitElementRead("f" + i, fields[i].Type, "null", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                _w.Line(Read + ".Next(ref reader, __Type, null, null);");
                _w.Open("if (reader.TokenType != " + Token + ".EndArray)");
                _w.Line("throw " + Read + ".Invalid(ref reader, __Type, null, \"expected an array of " + fields.Count + ", found more elements\");");
                _w.Close();
                _w.Line();
                _w.Line("return new " + _model.FullName + "(" + string.Join(", ", fields.Select((_, i) => "f" + i)) + ");");
                break;
        }

        _w.Close();
        _w.Line();
        EmitReadWireElements("throw " + Read + ".Unexpected(ref reader, __Type, null, null, \"an object, as a " + _model.Layout.ToString().ToLowerInvariant() + " record has no array form\")");
        _w.Line("/// <summary>Writes this value exactly as serde_json writes it.</summary>");
        _w.Line("/// <param name=\"writer\">The JSON writer.</param>");
        _w.Open("public " + Hides + "void WriteWire(" + Writer + " writer)");
        switch (_model.Layout)
        {
            case RecordLayout.Transparent:
                EmitValueWrite(fields[0].Type, "this." + fields[0].Name);
                break;
            case RecordLayout.Unit:
                _w.Line("writer.WriteNullValue();");
                break;
            default:
                _w.Line("writer.WriteStartArray();");
                foreach (MemberModel m in fields)
                {
                    EmitValueWrite(m.Type, "this." + m.Name);
                }

                _w.Line("writer.WriteEndArray();");
                break;
        }

        _w.Close();
        _w.Line();
    }
}
