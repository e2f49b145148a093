using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>A tool's answer: <c>{"id":"...","ok":true,"content":"..."}</c>.</summary>
/// <param name="Id">The id of the call answered.</param>
/// <param name="Ok">Whether the tool succeeded.</param>
/// <param name="Content">The tool's output.</param>
[WireRecord]
public sealed partial record ToolOutcome(string Id, bool Ok, Utf8Text Content);
