using System.Threading.Tasks;

namespace Rho.Fast.Benchmarks;

/// <summary>The two ways Rho.Fast reads a session, as every benchmark and check times them.</summary>
public static class RhoFastReads
{
    /// <summary>The repaired message list, every string materialized and kept; returns its count.</summary>
    public static async Task<int> ReadMessagesAsync(string path) => (await SessionReader.ReadMessagesAsync(path)).Messages.Count;

    /// <summary>The repaired messages streamed, each dropped after counting; returns the count.</summary>
    public static async Task<int> StreamMessagesAsync(string path)
    {
        int count = 0;
        await foreach (Message message in SessionReader.StreamMessagesAsync(path))
        {
            count++;
        }

        return count;
    }
}
