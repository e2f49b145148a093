using System.Globalization;
using System.Text;

namespace Rho.Fast.Synthetic;

/// <summary>
/// Writes compact JSON text the way serde_json does (same escaping, no spaces), for tool-call
/// arguments. The caller writes object keys in sorted order, as serde_json without
/// <c>preserve_order</c> would.
/// </summary>
internal sealed class JsonTextBuilder
{
    private readonly StringBuilder _text = new(256);
    private bool _needComma;

    public JsonTextBuilder StartObject() => Open('{');

    public JsonTextBuilder EndObject() => Close('}');

    public JsonTextBuilder StartArray() => Open('[');

    public JsonTextBuilder EndArray() => Close(']');

    public JsonTextBuilder Key(string name)
    {
        Separate();
        Quote(_text, name);
        _text.Append(':');
        _needComma = false;
        return this;
    }

    public JsonTextBuilder String(string value)
    {
        Separate();
        Quote(_text, value);
        _needComma = true;
        return this;
    }

    public JsonTextBuilder Number(long value)
    {
        Separate();
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
        _needComma = true;
        return this;
    }

    /// <summary>Writes a number given as its JSON spelling, such as <c>0.25</c>.</summary>
    public JsonTextBuilder Literal(string json)
    {
        Separate();
        _text.Append(json);
        _needComma = true;
        return this;
    }

    public JsonTextBuilder Bool(bool value) => Literal(value ? "true" : "false");

    public JsonTextBuilder Null() => Literal("null");

    /// <summary>Returns the text and clears the builder for the next value.</summary>
    public string Take()
    {
        string json = _text.ToString();
        _text.Clear();
        _needComma = false;
        return json;
    }

    /// <summary>Appends <paramref name="value"/> as a JSON string with serde_json's escaping.</summary>
    public static void Quote(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\t': text.Append("\\t"); break;
                case '\n': text.Append("\\n"); break;
                case '\f': text.Append("\\f"); break;
                case '\r': text.Append("\\r"); break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    private JsonTextBuilder Open(char bracket)
    {
        Separate();
        _text.Append(bracket);
        _needComma = false;
        return this;
    }

    private JsonTextBuilder Close(char bracket)
    {
        _text.Append(bracket);
        _needComma = true;
        return this;
    }

    private void Separate()
    {
        if (_needComma)
        {
            _text.Append(',');
        }
    }
}
