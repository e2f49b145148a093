using System.Collections.Generic;
using Rho.Fast.Generators.Samples;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>An ordinary System.Text.Json type that holds generated unions.</summary>
public sealed class Envelope
{
    public string Id { get; set; } = "";

    public ExternalCommand? Command { get; set; }

    public List<InternalEvent> Events { get; set; } = [];

    public Bag? Payload { get; set; }
}
