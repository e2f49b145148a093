using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>A message as the user saw it, with when it was shown.</summary>
/// <param name="Timestamp">Unix seconds as a decimal string.</param>
/// <param name="Message">The message.</param>
[WireRecord]
public sealed partial record DisplayMessage(string Timestamp, Message Message);
