using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast.Cli;

/// <summary>
/// Progress on stderr while a long step runs: on a terminal, one line redrawn with a spinner and
/// the elapsed time, erased when the step ends; otherwise the step's name once and its time at the end.
/// </summary>
internal static class ElapsedProgress
{
    private static readonly string[] Frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

    public static async Task<T> RunAsync<T>(TextWriter error, bool terminal, string step, Func<Task<T>> work)
    {
        long start = Stopwatch.GetTimestamp();
        if (!terminal)
        {
            error.WriteLine(step + "…");
            T value = await work();
            error.WriteLine(step + ": done in " + Formats.Seconds(Stopwatch.GetElapsedTime(start).TotalSeconds));
            return value;
        }

        using var stop = new CancellationTokenSource();
        Task spinner = SpinAsync(error, step, start, stop.Token);
        try
        {
            return await work();
        }
        finally
        {
            await stop.CancelAsync();
            await spinner;
            error.Write("\r\e[2K");
            error.Flush();
        }
    }

    private static async Task SpinAsync(TextWriter error, string step, long start, CancellationToken stop)
    {
        for (int frame = 0; !stop.IsCancellationRequested; frame++)
        {
            error.Write("\r" + Frames[frame % Frames.Length] + " " + step + "… " + Formats.Seconds(Stopwatch.GetElapsedTime(start).TotalSeconds));
            error.Flush();
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
