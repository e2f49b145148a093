using System.Collections.Generic;
using Rho.Fast.Serialization;

namespace Rho.Fast.Generators.Samples;

/// <summary>A record with a map of records and a list of lists, for the paths read errors report.</summary>
[WireRecord]
public sealed partial record Inventory(Dictionary<string, Point> Places, List<List<int>> Grid, List<ExternalCommand> Log);
