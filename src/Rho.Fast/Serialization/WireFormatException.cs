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
    /// <summary>Creates the exception.</summary>
    /// <param name="typeName">The union or record being read.</param>
    /// <param name="caseName">The case being read, when known.</param>
    /// <param name="fieldName">The field being read, when known.</param>
    /// <param name="problem">What is wrong, in a sentence a user can act on.</param>
    /// <param name="bytePosition">Offset of the offending token from the start of the reader's input, when known.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public WireFormatException(string typeName, string? caseName, string? fieldName, string problem, long? bytePosition = null, Exception? innerException = null)
        : base(Describe(typeName, caseName, fieldName, problem, bytePosition), path: null, lineNumber: null, bytePositionInLine: bytePosition, innerException)
    {
        Detail = Describe(typeName, caseName, fieldName, problem, null);
        TypeName = typeName;
        CaseName = caseName;
        FieldName = fieldName;
        Problem = problem;
    }

    /// <summary>The union or record being read.</summary>
    public string TypeName { get; }

    /// <summary>The case being read, or <see langword="null"/> when the case was not yet known.</summary>
    public string? CaseName { get; }

    /// <summary>The wire name of the field being read, or <see langword="null"/>.</summary>
    public string? FieldName { get; }

    /// <summary>The message without the byte position, for callers that report the position themselves.</summary>
    public string Detail { get; }

    /// <summary>The problem alone, without the type, case and position.</summary>
    public string Problem { get; }

    private static string Describe(string typeName, string? caseName, string? fieldName, string problem, long? bytePosition)
    {
        string where = caseName is null ? typeName : typeName + "." + caseName;
        if (fieldName is not null)
        {
            where += " field '" + fieldName + "'";
        }

        string at = bytePosition is long position ? " (at byte " + position + ")" : "";
        return where + ": " + problem + at;
    }
}
