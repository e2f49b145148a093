using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Rho.Fast.Serialization;

namespace Rho.Fast.Tests;

/// <summary>
/// Runs <see cref="SessionReader.FollowAsync"/> in the background and keeps what it yields, as
/// serialized lines (so entries of any kind compare by their bytes).
/// </summary>
internal sealed class FollowCollector : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _lines = new();
    private readonly Task _run;

    public FollowCollector(string path, SessionFollowOptions? options = null)
    {
        options ??= new SessionFollowOptions { PollInterval = TimeSpan.FromMilliseconds(10) };
        _run = Task.Run(async () =>
        {
            await foreach (SessionEntry entry in SessionReader.FollowAsync(path, options, _stop.Token))
            {
                string line = Wire.Serialize(entry);
                lock (_lines)
                {
                    _lines.Add(line);
                }
            }
        });
    }

    public List<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> entries were yielded; throws what the follow threw, or on running out of patience.</summary>
    public async Task WaitForAsync(int count)
    {
        var watch = Stopwatch.StartNew();
        while (Lines.Count < count)
        {
            if (_run.IsCompleted)
            {
                await _run;
                throw new InvalidOperationException("the follow ended after " + Lines.Count + " entries, " + count + " were expected");
            }

            if (watch.Elapsed > Patience)
            {
                throw new TimeoutException("the follow yielded " + Lines.Count + " of " + count + " entries in " + Patience);
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Cancels the follow and returns everything it yielded; the follow must end by cancellation.</summary>
    public async Task<List<string>> StopAsync()
    {
        _stop.Cancel();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
        }

        return Lines;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            await _run;
        }
        catch (Exception)
        {
            // Disposing only ends the follow; each test checks its outcome through StopAsync.
        }

        _stop.Dispose();
    }
}
