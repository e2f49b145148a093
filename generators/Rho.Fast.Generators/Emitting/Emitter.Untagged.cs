using Rho.Fast.Generators.Model;

namespace Rho.Fast.Generators.Emitting;

/// <summary>Reading untagged unions: the first case, in declaration order, that reads without error.</summary>
internal sealed partial class Emitter
{
    private void EmitUntaggedRead()
    {
        _w.Line(Reader + " start = reader;");
        foreach (CaseModel c in _model.Cases)
        {
            _w.Open("try");
            switch (c.Shape)
            {
                case Shape.Unit:
                    _w.Open("if (reader.TokenType == " + Token + ".Null)");
                    _w.Line("return new " + c.FullName + "();");
                    _w.Close();
                    break;
                case Shape.Newtype:
                    _w.Line("return new " + c.FullName + "(" + ReadExpression(c.Members[0].Type, Literals.String(c.WireName), "null") + ");");
                    break;
                case Shape.Tuple:
                    _w.Line("return " + ElementsReaderName(c.Name) + "(ref reader);");
                    break;
                default:
                    _w.Line("return " + FieldsReaderName(c.Name) + "(ref reader, false);");
                    break;
            }

            _w.Close();
            _w.Open("catch (global::Rho.Fast.Serialization.WireFormatException)");
            _w.Line("// Not this case: try the next one from the value's start, as serde does with its buffered content.");
            _w.Close();
            _w.Line();
            _w.Line("reader = start;");
        }

        _w.Line("throw " + Read + ".NoUntaggedMatch(ref reader, __Type);");
    }
}
