using System.Collections.Generic;
using Rho.Fast.Serialization;

namespace Rho.Fast.Generators.Samples;

/// <summary>A record flattened into this one: <c>{"id":"a","name":"hall","corner":{"x":1,"y":2},"floors":[0]}</c>.</summary>
[WireRecord]
public sealed partial record Site(string Id, [WireFlatten] Place Where);

/// <summary>The flattened record, holding a record and a list of its own.</summary>
[WireRecord]
public sealed partial record Place(string Name, Point Corner, List<int> Floors);

/// <summary>A tuple record: <c>[1,{"x":1,"y":2},[3]]</c>.</summary>
[WireRecord(Shape = RecordShape.Tuple)]
public sealed partial record Segment(int Start, Point End, List<int> Marks);

/// <summary>Records flattened two deep, the inner one holding the catch-all: <c>{"id":"a","level":1,"rank":2,"label":"b","other":true}</c>.</summary>
[WireRecord]
public sealed partial record Tiered(string Id, [WireFlatten] Tier Tier);

/// <summary>Flattened into <see cref="Tiered"/>, with a record flattened into it and the unknown keys.</summary>
[WireRecord]
public sealed partial record Tier(int Level, [WireFlatten] Grade Grade, [WireFlatten] SortedDictionary<string, JsonValue> Rest);

/// <summary>Flattened into <see cref="Tier"/>.</summary>
[WireRecord]
public sealed partial record Grade(int Rank, string Label);
