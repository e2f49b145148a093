using System;
using System.Text.Json;

namespace Rho.Fast.Serialization;

/// <summary>
/// JSON that is well formed but does not match a generated union or record: an unknown case name,
/// a missing or duplicate field, a value of the wrong type, an externally tagged object with other
/// than one key. Names the type, the case and the field involved.
/// </summary>
public sealed class WireFormatException : JsonException
{
    private readonly long? _bytePosition;

    // Where the error is, as it grows on the way out: the outermost type, case and field the
    // reading has passed through, and everything inside them (list indexes, map keys, nested
    // cases and fields). Only the error path touches these.
    private string _rootType;
    private string? _rootCase;
    private string? _rootField;
    private string _inner = "";

    /// <summary>Creates the exception.</summary>
    /// <param name="typeName">The union or record being read.</param>
    /// <param name="caseName">The case being read, when known.</param>
    /// <param name="fieldName">The field being read, when known.</param>
    /// <param name="problem">What is wrong, in a sentence a user can act on.</param>
    /// <param name="bytePosition">Offset of the offending token from the start of the reader's input, when known.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public WireFormatException(string typeName, string? caseName, string? fieldName, string problem, long? bytePosition = null, Exception? innerException = null)
        : base(problem, path: null, lineNumber: null, bytePositionInLine: bytePosition, innerException)
    {
        TypeName = typeName;
        CaseName = caseName;
        FieldName = fieldName;
        Problem = problem;
        _bytePosition = bytePosition;
        _rootType = typeName;
        _rootCase = caseName;
        _rootField = fieldName;
    }

    /// <summary>The union or record being read where the error was found (the innermost one, when values nest).</summary>
    public string TypeName { get; }

    /// <summary>The case being read, or <see langword="null"/> when the case was not yet known.</summary>
    public string? CaseName { get; }

    /// <summary>The wire name of the field being read, or <see langword="null"/>.</summary>
    public string? FieldName { get; }

    /// <summary>
    /// Where the error is, from the outermost type read: the type, then cases, fields, list
    /// indexes and map keys, such as <c>Message.Assistant[2].ToolCall.arguments</c>. Not
    /// <see cref="JsonException.Path"/>, which <see cref="JsonSerializer"/> sets to its own
    /// <c>$</c>-rooted path when the error passes through it.
    /// </summary>
    public string WirePath => Join(_rootType, _rootCase, _rootField) + _inner;

    /// <summary>The first bytes (up to about 40) of the offending value as the input has them, or <see langword="null"/> when there is no single value to show.</summary>
    public string? Value { get; internal set; }

    /// <summary>The message without the byte position, for callers that report the position themselves.</summary>
    public string Detail => Describe(withPosition: false);

    /// <summary>The problem alone, without the type, case and position.</summary>
    public string Problem { get; }

    /// <inheritdoc/>
    public override string Message => Describe(withPosition: true);

    /// <summary>The value was read inside another type's case and field: that becomes the outer part of the path.</summary>
    internal void Within(string type, string? caseName, string? field)
    {
        _inner = Join(null, _rootCase, _rootField) + _inner;
        _rootType = type;
        _rootCase = caseName;
        _rootField = field;
    }

    /// <summary>The value was an element of a list, at <paramref name="index"/>.</summary>
    internal void AtIndex(int index) =>
        _inner = "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" + _inner;

    /// <summary>The value was an entry of a map, under <paramref name="key"/>.</summary>
    internal void AtKey(string key) => _inner = "." + key + _inner;

    private static string Join(string? type, string? caseName, string? field)
    {
        string where = type ?? "";
        if (caseName is not null)
        {
            where += "." + caseName;
        }

        if (field is not null)
        {
            where += "." + field;
        }

        return where;
    }

    private string Describe(bool withPosition)
    {
        string found = Value is null ? "" : " (found `" + Value + "`)";
        string at = withPosition && _bytePosition is long position ? " (at byte " + position + ")" : "";
        return WirePath + ": " + Problem + found + at;
    }
}
