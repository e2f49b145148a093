using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Rho.Fast.Benchmarks.Reporting;

namespace Rho.Fast.Benchmarks;

/// <summary>The two run configurations: quick (in-process, few short iterations) and full.</summary>
public static class BenchmarkConfig
{
    /// <summary>The configuration for a run.</summary>
    /// <param name="quick">In-process with short iterations, so the whole suite fits in a few minutes on two cores.</param>
    public static IConfig Create(bool quick)
    {
        Job job = quick
            ? Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithIterationTime(TimeInterval.FromMilliseconds(150))
                .WithId("Quick")
            : Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(15)
                .WithId("Full");

        return ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddColumn(ThroughputColumn.MegabytesPerSecond, ThroughputColumn.NanosecondsPerByte)
            .AddColumn(RankColumn.Arabic)
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)
            .WithOptions(ConfigOptions.JoinSummary);
    }
}
