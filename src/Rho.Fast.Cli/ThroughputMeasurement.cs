namespace Rho.Fast.Cli;

/// <summary>One result of <see cref="ThroughputProbe"/>.</summary>
/// <param name="Name">What was timed: <c>read</c> (the repaired list kept), <c>read_decoded</c> (the same, then every text decoded once), <c>stream</c> (each message dropped), <c>serialize</c> or <c>append</c>.</param>
/// <param name="Bytes">The bytes processed by one iteration.</param>
/// <param name="MedianSeconds">The median time of one iteration.</param>
/// <param name="MegabytesPerSecond">Throughput in megabytes (10^6 bytes) per second, from the median.</param>
internal sealed record ThroughputMeasurement(string Name, long Bytes, double MedianSeconds, double MegabytesPerSecond);
