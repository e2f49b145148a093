using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>A tool call: <c>{"id":"...","name":"...","arguments":...}</c>.</summary>
/// <param name="Id">The call id a <see cref="ToolOutcome"/> answers.</param>
/// <param name="Name">The tool's name.</param>
/// <param name="Arguments">The arguments, any JSON value, kept as the exact bytes read.</param>
[WireRecord]
public sealed partial record ToolInvocation(string Id, string Name, RawJson Arguments);
