using Rho.Fast.Serialization;

namespace Rho.Fast.Generators.Samples;

/// <summary>One double, for the number formatting tests: <c>{"value":1.0}</c>.</summary>
[WireRecord(Shape = RecordShape.Object)]
public sealed partial record Measurement(double Value);
