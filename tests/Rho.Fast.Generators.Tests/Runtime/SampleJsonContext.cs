using System.Collections.Generic;
using System.Text.Json.Serialization;
using Rho.Fast.Generators.Samples;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>
/// System.Text.Json source-generated metadata for the samples. It has to live outside the samples'
/// assembly: STJ's generator does not see the [JsonConverter] the tagged-union generator adds there.
/// </summary>
[JsonSerializable(typeof(ExternalCommand))]
[JsonSerializable(typeof(InternalEvent))]
[JsonSerializable(typeof(AdjacentMessage))]
[JsonSerializable(typeof(Bag))]
[JsonSerializable(typeof(Point))]
[JsonSerializable(typeof(Measurement))]
[JsonSerializable(typeof(Site))]
[JsonSerializable(typeof(Tiered))]
[JsonSerializable(typeof(Segment))]
[JsonSerializable(typeof(SnakeCaseNames))]
[JsonSerializable(typeof(CamelCaseNames))]
[JsonSerializable(typeof(KebabCaseNames))]
[JsonSerializable(typeof(LowercaseNames))]
[JsonSerializable(typeof(UppercaseNames))]
[JsonSerializable(typeof(ScreamingSnakeCaseNames))]
[JsonSerializable(typeof(Overridden))]
[JsonSerializable(typeof(CamelRecord))]
[JsonSerializable(typeof(OddKeys))]
[JsonSerializable(typeof(Envelope))]
[JsonSerializable(typeof(List<InternalEvent>))]
internal sealed partial class SampleJsonContext : JsonSerializerContext
{
}
