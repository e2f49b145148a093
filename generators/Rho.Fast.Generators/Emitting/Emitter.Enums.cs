using Rho.Fast.Generators.Model;

namespace Rho.Fast.Generators.Emitting;

/// <summary>C# enums written as strings: a <c>{Name}Wire</c> class beside the enum.</summary>
internal sealed partial class Emitter
{
    private string EmitEnum()
    {
        int opened = 0;
        if (_model.Namespace is not null)
        {
            _w.Open("namespace " + _model.Namespace);
            opened++;
        }

        foreach (string containing in _model.ContainingTypes)
        {
            _w.Open(containing);
            opened++;
        }

        string name = _model.Name.TrimStart('@');
        _w.Line("/// <summary>Reads and writes <see cref=\"" + name + "\"/> as serde writes a unit-only enum: a string.</summary>");
        _w.Line(NeverBrowsable);
        _w.Open("public static class " + name + "Wire");
        _w.Line("/// <summary>Reads the string naming a member, or serde_json's object form of a unit variant, <c>{\"name\":null}</c>.</summary>");
        _w.Open("public static " + _model.FullName + " Read(ref " + Reader + " reader, string type, string? caseName, string? field)");
        _w.Open("if (reader.TokenType == " + Token + ".String)");
        _w.Line("return __Member(ref reader, type, caseName, field);");
        _w.Close();
        _w.Line();
        _w.Open("if (reader.TokenType != " + Token + ".StartObject)");
        _w.Line("throw " + Read + ".Unexpected(ref reader, type, caseName, field, \"a string naming a member of " + name + "\");");
        _w.Close();
        _w.Line();
        _w.Line(Read + ".Next(ref reader, type, caseName, field);");
        _w.Open("if (reader.TokenType != " + Token + ".PropertyName)");
        _w.Line("throw " + Read + ".Unexpected(ref reader, type, caseName, field, \"a key naming a member of " + name + "\");");
        _w.Close();
        _w.Line();
        _w.Line(_model.FullName + " value = __Member(ref reader, type, caseName, field);");
        _w.Line(Read + ".Next(ref reader, type, caseName, field);");
        _w.Line(Read + ".Expect(ref reader, " + Token + ".Null, type, caseName, field, \"null, as the member has no payload\");");
        _w.Line(Read + ".Next(ref reader, type, caseName, field);");
        _w.Line(Read + ".Expect(ref reader, " + Token + ".EndObject, type, caseName, field, \"the end of an object with a single key\");");
        _w.Line("return value;");
        _w.Close();
        _w.Line();
        _w.Open("private static " + _model.FullName + " __Member(ref " + Reader + " reader, string type, string? caseName, string? field)");
        _w.Line(Span + " name = " + Read + ".Key(ref reader);");
        string? other = null;
        var expected = new System.Collections.Generic.List<string>();
        foreach (CaseModel c in _model.Cases)
        {
            expected.Add("`" + c.WireName + "`");
            _w.Open("if (" + NameTest("name", c) + ")");
            _w.Line("return " + c.FullName + ";");
            _w.Close();
            _w.Line();
            if (c.Other != OtherKind.None)
            {
                other = c.FullName;
            }
        }

        _w.Line(other is null
            ? "throw " + Read + ".UnknownCase(ref reader, type, name, " + Literals.String(string.Join(", ", expected)) + ");"
            : "return " + other + ";");
        _w.Close();
        _w.Line();
        _w.Line("/// <summary>Writes the member's wire name.</summary>");
        _w.Open("public static void Write(" + Writer + " writer, " + _model.FullName + " value)");
        _w.Open("switch (value)");
        foreach (CaseModel c in _model.Cases)
        {
            _w.Line("case " + c.FullName + ": writer.WriteRawValue(" + Literals.Utf8(Quoted(c.WireName)) + ", skipInputValidation: true); return;");
        }

        _w.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"not a member of " + name + "\");");
        _w.Close();
        _w.Close();
        _w.Close();
        for (int i = 0; i < opened; i++)
        {
            _w.Close();
        }

        return _w.ToString();
    }

    /// <summary>A test that <paramref name="span"/> is the case's wire name or one of its aliases.</summary>
    private static string NameTest(string span, CaseModel c)
    {
        string test = "global::System.MemoryExtensions.SequenceEqual(" + span + ", " + Literals.Utf8(c.WireName) + ")";
        foreach (string alias in c.Aliases)
        {
            test += " || global::System.MemoryExtensions.SequenceEqual(" + span + ", " + Literals.Utf8(alias) + ")";
        }

        return test;
    }

    /// <summary>The name as a JSON string with serde_json's escaping (quotes, backslashes, controls; <c>\n</c> and its kin short).</summary>
    private static string Quoted(string name)
    {
        var builder = new System.Text.StringBuilder("\"");
        foreach (char c in name)
        {
            string? shortEscape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => null,
            };
            if (shortEscape is not null)
            {
                builder.Append(shortEscape);
            }
            else if (c < 0x20)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4"));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }
}
