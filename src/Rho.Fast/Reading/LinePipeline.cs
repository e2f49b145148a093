using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast;

/// <summary>
/// The one driver of every read: it pumps a source, whose lines go to their sink, and hands out
/// what the sink made after each read. Sources know only bytes and lines, sinks only lines and
/// what they make of them.
/// </summary>
internal static class LinePipeline
{
    /// <summary>Yields what <paramref name="sink"/> makes ready after each read, completing it at the end of the input.</summary>
    public static async IAsyncEnumerable<T> Yield<T>(ILineSource source, IReadySink<T> sink, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using (source.ConfigureAwait(false))
        {
            bool ended;
            do
            {
                ended = await source.PumpAsync(cancellationToken).ConfigureAwait(false);
                if (ended)
                {
                    sink.Complete();
                }

                List<T> ready = sink.Ready;
                for (int i = 0; i < ready.Count; i++)
                {
                    yield return ready[i];
                }

                ready.Clear();
            }
            while (!ended);
        }
    }

    /// <summary>Pumps <paramref name="source"/> to the end of its input; its sink keeps what it makes.</summary>
    public static async Task RunAsync(ILineSource source, CancellationToken cancellationToken)
    {
        await using (source.ConfigureAwait(false))
        {
            while (!await source.PumpAsync(cancellationToken).ConfigureAwait(false))
            {
            }
        }
    }
}
