using System.Text;
using Xunit;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>The two checks every sample gets: it is written as serde_json writes it, and read back to the same value.</summary>
public static class RoundTrip
{
    public static void AssertWritesSerdeJson(WireSample sample)
    {
        Assert.Equal(sample.Json, sample.Serialize());
        Assert.Equal(Encoding.UTF8.GetBytes(sample.Json), sample.SerializeToUtf8Bytes());
    }

    public static void AssertReadsBack(WireSample sample)
    {
        object fromText = sample.Deserialize(sample.Json);
        object fromBytes = sample.Deserialize(Encoding.UTF8.GetBytes(sample.Json));

        Assert.IsAssignableFrom(sample.Type, fromText);
        Assert.Equal(sample.Value.GetType(), fromText.GetType());
        if (sample.ComparesByValue)
        {
            Assert.Equal(sample.Value, fromText);
            Assert.Equal(sample.Value, fromBytes);
        }

        // Lists compare by reference, so the text written back is the check that covers them.
        Assert.Equal(sample.Json, sample.Serialize(fromText));
        Assert.Equal(sample.Json, sample.Serialize(fromBytes));
    }
}
