using System.Collections.Generic;
using System.Threading.Tasks;
using System.Linq;
using Rho.Fast.Serialization;

namespace Rho.Fast.Tests;

/// <summary>Drives a <see cref="SessionFollower"/> by hand, one look at a time.</summary>
internal static class FollowSteps
{
    /// <summary>Looks until the file has nothing new, as the enumeration does between waits; throws what it would throw.</summary>
    public static List<SessionEntry> Drain(SessionFollower follower)
    {
        var entries = new List<SessionEntry>();
        bool read;
        do
        {
            read = follower.Poll();
            entries.AddRange(follower.Ready);
            follower.ThrowIfFailed();
        }
        while (read);

        return entries;
    }

    /// <summary>Every entry of a file as written (a torn line is an error), each serialized.</summary>
    public static List<string> ReadEntryLines(string path) =>
        SessionReader.ReadEntriesAsync(path).ToBlockingEnumerable().Select(entry => Wire.Serialize(entry)).ToList();

    /// <summary><see cref="Drain"/>, each entry serialized.</summary>
    public static List<string> DrainLines(SessionFollower follower) => Drain(follower).Select(entry => Wire.Serialize(entry)).ToList();
}
