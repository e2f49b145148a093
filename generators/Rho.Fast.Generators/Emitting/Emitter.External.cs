using System.Collections.Generic;
using System.Linq;
using Rho.Fast.Generators.Model;

namespace Rho.Fast.Generators.Emitting;

/// <summary>Reading externally tagged unions: <c>{"Case": payload}</c> or <c>"Case"</c>.</summary>
internal sealed partial class Emitter
{
    private void EmitExternalRead()
    {
        int raw = RawOtherIndex();
        _w.Open("if (reader.TokenType == " + Token + ".String)");
        if (raw < 0)
        {
            _w.Line("return __UnitCase(__CaseIndex(ref reader, unitOnly: true));");
        }
        else
        {
            _w.Line("int unit = __CaseIndex(ref reader, unitOnly: true);");
            _w.Line("return unit == " + raw + " ? " + RawOtherRead(raw) + " : __UnitCase(unit);");
        }

        _w.Close();
        _w.Line();
        _w.Line(Read + ".Expect(ref reader, " + Token + ".StartObject, __Type, null, null, \"an object with a single key naming the case\");");
        if (raw >= 0)
        {
            _w.Line(Reader + " start = reader;");
        }

        _w.Line(Read + ".Next(ref reader, __Type, null, null);");
        _w.Open("if (reader.TokenType != " + Token + ".PropertyName)");
        _w.Line("throw " + Read + ".Invalid(ref reader, __Type, null, \"expected an object with a single key naming the case, found an empty object\");");
        _w.Close();
        _w.Line();
        _w.Line("int index = __CaseIndex(ref reader, unitOnly: false);");
        EmitRawOtherDispatch("index", "start");
        _w.Line(Read + ".Next(ref reader, __Type, null, null);");
        _w.Line(_model.FullName + " result = __ReadPayload(index, ref reader);");
        _w.Line(Read + ".Next(ref reader, __Type, null, null);");
        _w.Open("if (reader.TokenType != " + Token + ".EndObject)");
        _w.Line("throw " + Read + ".Invalid(ref reader, __Type, null, \"expected an object with a single key naming the case, found a second key\");");
        _w.Close();
        _w.Line();
        _w.Line("return result;");
    }
}
