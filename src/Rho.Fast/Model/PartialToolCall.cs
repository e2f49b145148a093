using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>A tool call an aborted response had started: what had streamed in by then.</summary>
/// <param name="Id">The call's id, when it had arrived (written as <c>null</c> otherwise).</param>
/// <param name="Name">The tool's name, when it had arrived.</param>
/// <param name="Arguments">The raw argument text received, not necessarily JSON.</param>
[WireRecord]
public sealed partial record PartialToolCall(string? Id, string? Name, string Arguments);
