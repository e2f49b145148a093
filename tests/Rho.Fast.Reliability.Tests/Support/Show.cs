using System.Collections.Generic;
using System.Linq;
using Rho.Fast.Serialization;

namespace Rho.Fast.Reliability.Tests;

/// <summary>Messages as their wire text, shortened, so that a failed comparison says which ones differ.</summary>
internal static class Show
{
    public static List<string> Lines(IEnumerable<Message> messages) =>
        messages.Select(m => Wire.Serialize(m)).Select(text => text.Length <= 90 ? text : text[..90] + "…").ToList();
}
