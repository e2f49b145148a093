using System.Collections.Generic;
using System.Linq;
using Rho.Fast.Generators.Model;

namespace Rho.Fast.Generators.Emitting;

/// <summary>Reading adjacently tagged unions: <c>{"tag": "Case", "content": payload}</c>.</summary>
internal sealed partial class Emitter
{
    private void EmitAdjacentRead()
    {
        string tag = _model.Tag!;
        string content = _model.Content!;
        _w.Line(Read + ".Expect(ref reader, " + Token + ".StartObject, __Type, null, null, \"an object\");");
        _w.Line("int index = -1;");
        _w.Line("bool hasContent = false;");
        _w.Line(Reader + " content = reader;");
        if (RawOtherIndex() >= 0)
        {
            _w.Line(Reader + " start = reader;");
        }

        _w.Line(_model.FullName + "? result = null;");
        _w.Open("while (true)");
        _w.Line(Read + ".Next(ref reader, __Type, null, null);");
        _w.Open("if (reader.TokenType == " + Token + ".EndObject)");
        _w.Line("break;");
        _w.Close();
        _w.Line();
        _w.Line(Span + " key = " + Read + ".Key(ref reader);");
        _w.Open("if (global::System.MemoryExtensions.SequenceEqual(key, " + Literals.Utf8(tag) + "))");
        _w.Open("if (index >= 0)");
        _w.Line("throw " + Read + ".DuplicateField(ref reader, __Type, null, " + Literals.String(tag) + ");");
        _w.Close();
        _w.Line();
        _w.Line(Read + ".Next(ref reader, __Type, null, " + Literals.String(tag) + ");");
        _w.Line("index = __CaseIndex(ref reader, unitOnly: false);");
        EmitRawOtherDispatch("index", "start");
        _w.Close();
        _w.Open("else if (global::System.MemoryExtensions.SequenceEqual(key, " + Literals.Utf8(content) + "))");
        _w.Open("if (hasContent)");
        _w.Line("throw " + Read + ".DuplicateField(ref reader, __Type, null, " + Literals.String(content) + ");");
        _w.Close();
        _w.Line();
        _w.Line("hasContent = true;");
        _w.Line(Read + ".Next(ref reader, __Type, null, " + Literals.String(content) + ");");
        _w.Open("if (index >= 0)");
        _w.Line("result = __ReadPayload(index, ref reader);");
        _w.Close();
        _w.Open("else");
        _w.Line("// The content comes before the tag: remember where it is and read it once the tag is known.");
        _w.Line("content = reader;");
        _w.Line("reader.Skip();");
        _w.Close();
        _w.Close();
        _w.Open("else");
        _w.Line(Read + ".SkipValue(ref reader, __Type, null);");
        _w.Close();
        _w.Close();
        _w.Line();
        _w.Open("if (index < 0)");
        _w.Line("throw " + Read + ".MissingField(ref reader, __Type, null, " + Literals.String(tag) + ");");
        _w.Close();
        _w.Line();
        _w.Open("if (result is not null)");
        _w.Line("return result;");
        _w.Close();
        _w.Line();
        _w.Open("if (!hasContent)");
        _w.Line("return __UnitOrMissingContent(index, ref reader);");
        _w.Close();
        _w.Line();
        _w.Line("return __ReadPayload(index, ref content);");
        _w.Close();
        _w.Line();

        _w.Open("private static " + _model.FullName + " __UnitOrMissingContent(int index, ref " + Reader + " reader)");
        _w.Open("switch (index)");
        for (int i = 0; i < _model.Cases.Count; i++)
        {
            if (_model.Cases[i].Shape == Shape.Unit)
            {
                _w.Line("case " + i + ": return new " + _model.Cases[i].FullName + "();");
            }
        }

        _w.Line("default: throw " + Read + ".MissingField(ref reader, __Type, null, " + Literals.String(content) + ");");
        _w.Close();
    }
}
