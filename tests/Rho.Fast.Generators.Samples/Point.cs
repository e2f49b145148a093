using Rho.Fast.Serialization;

namespace Rho.Fast.Generators.Samples;

/// <summary>A plain record payload: <c>{"x":1,"y":2}</c>.</summary>
[WireRecord]
public sealed partial record Point(int X, int Y);
