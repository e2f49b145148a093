using System.Collections.Generic;
using System.Linq;
using Rho.Fast.Generators.Model;

namespace Rho.Fast.Generators.Emitting;

/// <summary>Union dispatch: the read entry point, case names, payloads and the write switch.</summary>
internal sealed partial class Emitter
{
    private void EmitUnionRead()
    {
        _w.Line("/// <summary>Reads a <see cref=\"" + Cref(_model.Name) + "\"/> as serde reads it; the reader is left on the value's last token.</summary>");
        _w.Line("/// <param name=\"reader\">The wire reader, on the value's first token.</param>");
        _w.Open("public static " + _model.FullName + " ReadWire(ref " + Reader + " reader)");
        switch (_model.Representation)
        {
            case Representation.External: EmitExternalRead(); break;
            case Representation.Internal: EmitInternalRead(); break;
            case Representation.Untagged: EmitUntaggedRead(); break;
            default: EmitAdjacentRead(); break;
        }

        _w.Close();
        _w.Line();
        if (_model.Representation == Representation.Untagged)
        {
            return;
        }

        EmitCaseIndex();
        if (_model.Representation != Representation.Internal)
        {
            EmitPayloadReader();
        }
    }

    private void EmitCaseIndex()
    {
        string expected = string.Join(", ", _model.Cases.Where(c => c.Other != OtherKind.Raw).Select(c => "'" + c.WireName + "'"));
        _w.Line("/// <summary>The index of the case the current string or key names.</summary>");
        _w.Open("private static int __CaseIndex(ref " + Reader + " reader, bool unitOnly)");
        _w.Open("if (reader.TokenType != " + Token + ".String && reader.TokenType != " + Token + ".PropertyName)");
        _w.Line("throw " + Read + ".Unexpected(ref reader, __Type, null, " + (_model.Tag is null ? "null" : Literals.String(_model.Tag)) + ", \"a string naming the case\");");
        _w.Close();
        _w.Line();
        _w.Line(Span + " name = " + Read + ".Key(ref reader);");
        for (int i = 0; i < _model.Cases.Count; i++)
        {
            CaseModel c = _model.Cases[i];
            if (c.Other == OtherKind.Raw)
            {
                // Its own name is as unknown as any other: the case holds whole values, never a payload.
                continue;
            }

            _w.Open(c.Aliases.Count == 0 ? "if (global::System.MemoryExtensions.SequenceEqual(name, " + Literals.Utf8(c.WireName) + "))" : "if (" + NameTest("name", c) + ")");
            if (c.Shape != Shape.Unit)
            {
                _w.Open("if (unitOnly)");
                _w.Line("throw " + Read + ".Invalid(ref reader, __Type, " + Literals.String(c.WireName) + ", \"the case has a payload, so it must be written as an object, not as a bare string\");");
                _w.Close();
                _w.Line();
            }

            _w.Line("return " + i + ";");
            _w.Close();
            _w.Line();
        }

        int other = -1;
        for (int i = 0; i < _model.Cases.Count; i++)
        {
            if (_model.Cases[i].Other != OtherKind.None)
            {
                other = i;
            }
        }

        _w.Line(other < 0
            ? "throw " + Read + ".UnknownCase(ref reader, __Type, name, " + Literals.String(expected) + ");"
            : "return " + other + ";");
        _w.Close();
        _w.Line();
    }

    /// <summary>Reads a case's payload (external and adjacent tagging): the reader is on its first token.</summary>
    private void EmitPayloadReader()
    {
        _w.Open("private static " + _model.FullName + " __ReadPayload(int index, ref " + Reader + " reader)");
        _w.Open("switch (index)");
        for (int i = 0; i < _model.Cases.Count; i++)
        {
            CaseModel c = _model.Cases[i];
            if (c.Other == OtherKind.Raw)
            {
                // Read whole by the caller, from the value's start.
                continue;
            }

            string caseName = Literals.String(c.WireName);
            _w.Line("case " + i + ":");
            switch (c.Shape)
            {
                case Shape.Unit:
                    _w.Open("    if (reader.TokenType != " + Token + ".Null)");
                    _w.Line("throw " + Read + ".Unexpected(ref reader, __Type, " + caseName + ", null, \"null, as the case has no payload\");");
                    _w.Close();
                    _w.Line("    return new " + c.FullName + "();");
                    break;
                case Shape.Newtype:
                    _w.Line("    return new " + c.FullName + "(" + ReadExpression(c.Members[0].Type, caseName, "null") + ");");
                    break;
                case Shape.Tuple:
                    _w.Line("    return " + ElementsReaderName(c.Name) + "(ref reader);");
                    break;
                default:
                    _w.Line("    return " + FieldsReaderName(c.Name) + "(ref reader, false);");
                    break;
            }
        }

        _w.Line("default:");
        _w.Line("    throw new global::System.InvalidOperationException(\"unreachable: case index \" + index);");
        _w.Close();
        _w.Close();
        _w.Line();

        if (_model.Representation == Representation.External)
        {
            _w.Open("private static " + _model.FullName + " __UnitCase(int index)");
            _w.Open("switch (index)");
            for (int i = 0; i < _model.Cases.Count; i++)
            {
                if (_model.Cases[i].Shape == Shape.Unit)
                {
                    _w.Line("case " + i + ": return new " + _model.Cases[i].FullName + "();");
                }
            }

            _w.Line("default: throw new global::System.InvalidOperationException(\"unreachable: case index \" + index);");
            _w.Close();
            _w.Close();
            _w.Line();
        }
    }

    private void EmitUnionWrite()
    {
        _w.Line("/// <summary>Writes this value exactly as serde_json writes it.</summary>");
        _w.Line("/// <param name=\"writer\">The JSON writer.</param>");
        _w.Open("public void WriteWire(" + Writer + " writer)");
        _w.Open("switch (this)");
        foreach (CaseModel c in _model.Cases)
        {
            _w.Open("case " + c.FullName + " __case:");
            if (c.Other == OtherKind.Raw)
            {
                // The whole value as it was read, tag and all, so nothing a newer writer wrote is lost.
                _w.Line("__case." + c.Members[0].Name + ".WriteTo(writer);");
                _w.Line("break;");
                _w.Close();
                continue;
            }

            string caseName = NameField(c.WireName);
            switch (_model.Representation)
            {
                case Representation.External:
                    if (c.Shape == Shape.Unit)
                    {
                        _w.Line("writer.WriteStringValue(" + caseName + ");");
                    }
                    else
                    {
                        _w.Line("writer.WriteStartObject();");
                        _w.Line("writer.WritePropertyName(" + caseName + ");");
                        EmitPayloadWrite(c);
                        _w.Line("writer.WriteEndObject();");
                    }

                    break;
                case Representation.Untagged:
                    if (c.Shape == Shape.Unit)
                    {
                        _w.Line("writer.WriteNullValue();");
                    }
                    else
                    {
                        EmitPayloadWrite(c);
                    }

                    break;
                case Representation.Internal:
                    _w.Line("writer.WriteStartObject();");
                    _w.Line("writer.WritePropertyName(" + NameField(_model.Tag!) + ");");
                    _w.Line("writer.WriteStringValue(" + caseName + ");");
                    if (c.Shape == Shape.Newtype)
                    {
                        _w.Line("__case." + c.Members[0].Name + ".WriteWireFields(writer);");
                    }
                    else
                    {
                        EmitFieldsWrite(c.Members, "__case.");
                    }

                    _w.Line("writer.WriteEndObject();");
                    break;
                default:
                    _w.Line("writer.WriteStartObject();");
                    _w.Line("writer.WritePropertyName(" + NameField(_model.Tag!) + ");");
                    _w.Line("writer.WriteStringValue(" + caseName + ");");
                    if (c.Shape != Shape.Unit)
                    {
                        _w.Line("writer.WritePropertyName(" + NameField(_model.Content!) + ");");
                        EmitPayloadWrite(c);
                    }

                    _w.Line("writer.WriteEndObject();");
                    break;
            }

            _w.Line("break;");
            _w.Close();
        }

        _w.Line("default:");
        _w.Line("    throw new global::System.InvalidOperationException(\"'\" + GetType() + \"' is not a case of " + _model.Name + "\");");
        _w.Close();
        _w.Close();
        _w.Line();
    }

    /// <summary>The index of the case that keeps unknown values whole, or -1.</summary>
    private int RawOtherIndex()
    {
        for (int i = 0; i < _model.Cases.Count; i++)
        {
            if (_model.Cases[i].Other == OtherKind.Raw)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads the value from its first token into the raw-keeping case.</summary>
    private string RawOtherRead(int index)
    {
        CaseModel c = _model.Cases[index];
        return "new " + c.FullName + "(" + Read + ".Raw(ref reader, __Type, " + Literals.String(c.WireName) + ", null))";
    }

    /// <summary>When <paramref name="indexVariable"/> names the raw-keeping case, rewinds to the value's start and reads it whole.</summary>
    private void EmitRawOtherDispatch(string indexVariable, string startVariable)
    {
        int raw = RawOtherIndex();
        if (raw < 0)
        {
            return;
        }

        _w.Open("if (" + indexVariable + " == " + raw + ")");
        _w.Line("reader = " + startVariable + ";");
        _w.Line("return " + RawOtherRead(raw) + ";");
        _w.Close();
        _w.Line();
    }

    private void EmitPayloadWrite(CaseModel c)
    {
        if (c.Shape == Shape.Newtype)
        {
            EmitValueWrite(c.Members[0].Type, "__case." + c.Members[0].Name);
        }
        else if (c.Shape == Shape.Tuple)
        {
            _w.Line("writer.WriteStartArray();");
            foreach (MemberModel m in c.Members)
            {
                EmitValueWrite(m.Type, "__case." + m.Name);
            }

            _w.Line("writer.WriteEndArray();");
        }
        else
        {
            _w.Line("writer.WriteStartObject();");
            EmitFieldsWrite(c.Members, "__case.");
            _w.Line("writer.WriteEndObject();");
        }
    }
}
