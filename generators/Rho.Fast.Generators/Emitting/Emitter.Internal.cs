using System.Collections.Generic;
using System.Linq;
using Rho.Fast.Generators.Model;

namespace Rho.Fast.Generators.Emitting;

/// <summary>Reading internally tagged unions: <c>{"tag": "Case", ...fields}</c>, the tag anywhere.</summary>
internal sealed partial class Emitter
{
    private void EmitInternalRead()
    {
        string tag = _model.Tag!;
        _w.Open("if (reader.TokenType == " + Token + ".StartArray)");
        _w.Line("return __ReadArrayForm(ref reader);");
        _w.Close();
        _w.Line();
        _w.Line(Read + ".Expect(ref reader, " + Token + ".StartObject, __Type, null, null, \"an object\");");
        _w.Line(Reader + " start = reader;");
        _w.Line(Read + ".Next(ref reader, __Type, null, null);");
        bool readsFields = false;
        bool hasNewtype = false;
        foreach (CaseModel c in _model.Cases)
        {
            readsFields |= c.Shape != Shape.Newtype;
            hasNewtype |= c.Shape == Shape.Newtype && c.Other != OtherKind.Raw;
        }

        _w.Line("int index;");
        if (readsFields)
        {
            _w.Line("bool tagSeen;");
        }

        _w.Open("if (reader.TokenType == " + Token + ".PropertyName && global::System.MemoryExtensions.SequenceEqual(" + Read + ".Key(ref reader), " + Literals.Utf8(tag) + "))");
        _w.Line("// The common layout: the tag first, so the object is read in one pass.");
        _w.Line(Read + ".Next(ref reader, __Type, null, " + Literals.String(tag) + ");");
        _w.Line("index = __CaseIndex(ref reader, unitOnly: false);");
        if (readsFields)
        {
            _w.Line("tagSeen = true;");
        }

        _w.Close();
        _w.Open("else");
        _w.Line("// The tag comes later: find it on a copy of the reader, then read the object from its start.");
        _w.Line(Reader + " scan = start;");
        _w.Line("index = __FindTag(ref scan);");
        _w.Line("reader = start;");
        if (readsFields)
        {
            _w.Line("tagSeen = false;");
        }

        _w.Close();
        _w.Line();
        _w.Open("switch (index)");
        for (int i = 0; i < _model.Cases.Count; i++)
        {
            CaseModel c = _model.Cases[i];
            _w.Line("case " + i + ":");
            if (c.Other == OtherKind.Raw)
            {
                _w.Line("    reader = start;");
                _w.Line("    return " + RawOtherRead(i) + ";");
            }
            else if (c.Shape == Shape.Newtype)
            {
                MemberModel payload = c.Members[0];
                _w.Line("    reader = start;");
                _w.Line("    __CheckSingleTag(reader, " + Literals.String(c.WireName) + ");");
                _w.Line("    return new " + c.FullName + "(" + Read + ".Nested<" + payload.Type.FullName + ">(ref reader, __Type, " + Literals.String(c.WireName) + ", null));");
            }
            else
            {
                _w.Line("    return " + FieldsReaderName(c.Name) + "(ref reader, tagSeen);");
            }
        }

        _w.Line("default:");
        _w.Line("    throw new global::System.InvalidOperationException(\"unreachable: case index \" + index);");
        _w.Close();
        _w.Close();
        _w.Line();

        if (hasNewtype)
        {
            // A record payload reads the object whole and skips the tag as an unknown key, so a
            // second tag is found here instead.
            _w.Open("private static void __CheckSingleTag(" + Reader + " reader, string caseName)");
            _w.Line("bool seen = false;");
            _w.Open("while (true)");
            _w.Line(Read + ".Next(ref reader, __Type, caseName, null);");
            _w.Open("if (reader.TokenType == " + Token + ".EndObject)");
            _w.Line("return;");
            _w.Close();
            _w.Line();
            _w.Open("if (global::System.MemoryExtensions.SequenceEqual(" + Read + ".Key(ref reader), " + Literals.Utf8(tag) + "))");
            _w.Open("if (seen)");
            _w.Line("throw " + Read + ".DuplicateField(ref reader, __Type, caseName, " + Literals.String(tag) + ");");
            _w.Close();
            _w.Line();
            _w.Line("seen = true;");
            _w.Close();
            _w.Line();
            _w.Line(Read + ".SkipValue(ref reader, __Type, caseName);");
            _w.Close();
            _w.Close();
            _w.Line();
        }

        EmitInternalArrayForm();
        _w.Open("private static int __FindTag(ref " + Reader + " reader)");
        _w.Open("while (true)");
        _w.Line(Read + ".Next(ref reader, __Type, null, null);");
        _w.Open("if (reader.TokenType == " + Token + ".EndObject)");
        _w.Line("throw " + Read + ".MissingField(ref reader, __Type, null, " + Literals.String(tag) + ");");
        _w.Close();
        _w.Line();
        _w.Open("if (global::System.MemoryExtensions.SequenceEqual(" + Read + ".Key(ref reader), " + Literals.Utf8(tag) + "))");
        _w.Line(Read + ".Next(ref reader, __Type, null, " + Literals.String(tag) + ");");
        _w.Line("return __CaseIndex(ref reader, unitOnly: false);");
        _w.Close();
        _w.Line();
        _w.Line(Read + ".SkipValue(ref reader, __Type, null);");
        _w.Close();
    }

    /// <summary>serde's sequence form of an internally tagged value: <c>["case", fields...]</c>, the tag first.</summary>
    private void EmitInternalArrayForm()
    {
        string tag = _model.Tag!;
        _w.Open("private static " + _model.FullName + " __ReadArrayForm(ref " + Reader + " reader)");
        if (RawOtherIndex() >= 0)
        {
            _w.Line(Reader + " start = reader;");
        }

        _w.Line(Read + ".Next(ref reader, __Type, null, " + Literals.String(tag) + ");");
        _w.Open("if (reader.TokenType == " + Token + ".EndArray)");
        _w.Line("throw " + Read + ".MissingField(ref reader, __Type, null, " + Literals.String(tag) + ");");
        _w.Close();
        _w.Line();
        _w.Open("switch (__CaseIndex(ref reader, unitOnly: false))");
        for (int i = 0; i < _model.Cases.Count; i++)
        {
            CaseModel c = _model.Cases[i];
            _w.Line("case " + i + ":");
            switch (c.Other == OtherKind.Raw ? (Shape?)null : c.Shape)
            {
                case null:
                    _w.Line("    reader = start;");
                    _w.Line("    return " + RawOtherRead(i) + ";");
                    break;
                case Shape.Unit:
                    _w.Line("    __SkipToArrayEnd(ref reader, " + Literals.String(c.WireName) + ");");
                    _w.Line("    return new " + c.FullName + "();");
                    break;
                case Shape.Newtype:
                    // The record reads its own elements; the union adds itself and the case to an error's path.
                    _w.OpenBlock();
                    _w.Open("try");
                    _w.Line("return new " + c.FullName + "(" + c.Members[0].Type.FullName + ".ReadWireElements(ref reader));");
                    _w.Close();
                    _w.Open("catch (global::Rho.Fast.Serialization.WireFormatException e) when (" + Read + ".Within(e, __Type, " + Literals.String(c.WireName) + ", null))");
                    _w.Line("throw;");
                    _w.Close();
                    _w.Close();
                    break;
                default:
                    _w.Line("    return " + ElementsReaderName(c.Name) + "(ref reader, 1);");
                    break;
            }
        }

        _w.Line("default:");
        _w.Line("    throw new global::System.InvalidOperationException(\"unreachable: case index\");");
        _w.Close();
        _w.Close();
        _w.Line();

        // serde's unit visitor accepts any sequence and ignores what follows the tag.
        _w.Open("private static void __SkipToArrayEnd(ref " + Reader + " reader, string caseName)");
        _w.Open("while (true)");
        _w.Line(Read + ".Next(ref reader, __Type, caseName, null);");
        _w.Open("if (reader.TokenType == " + Token + ".EndArray)");
        _w.Line("return;");
        _w.Close();
        _w.Line();
        _w.Line("reader.Skip();");
        _w.Close();
        _w.Close();
        _w.Line();
    }
}
