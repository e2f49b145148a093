using System;
using System.Linq;
using System.Text;
using Xunit;

namespace Rho.Fast.Tests.History;

/// <summary>Counting chars as Rust does (scalar values), at every offset around the vector blocks.</summary>
public sealed class Utf8ScalarCountTests
{
    [Fact]
    public void Counts_scalars_not_bytes_or_utf16_units()
    {
        string[] pieces = ["a", " ", "é", "ключ", "中", "😀", "\u2028", "\u007f", "\0"];
        var random = new Random(3);
        for (int trial = 0; trial < 3000; trial++)
        {
            var text = new StringBuilder();
            int count = random.Next(0, 60);
            for (int i = 0; i < count; i++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            string value = text.ToString();
            Assert.Equal(value.EnumerateRunes().Count(), Utf8ScalarCount.Of(Encoding.UTF8.GetBytes(value)));
        }
    }
}
