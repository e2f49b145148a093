using Xunit;

namespace Rho.Fast.Cli.Tests;

public sealed class FormatsTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1024, "1.0 KB")]
    [InlineData(1536, "1.5 KB")]
    [InlineData(5 * 1024 * 1024 + 512 * 1024, "5.5 MB")]
    [InlineData(3L * 1024 * 1024 * 1024, "3.0 GB")]
    public void Sizes(long bytes, string text) => Assert.Equal(text, Formats.Size(bytes));

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly10!", 10, "exactly10!")]
    [InlineData("eleven chars", 10, "eleven ch…")]
    [InlineData("日本語のテスト", 7, "日本語…")]
    [InlineData("a😀b", 3, "a…")]
    [InlineData("abc", 0, "")]
    public void Cut_counts_terminal_columns(string text, int columns, string expected) => Assert.Equal(expected, Formats.Cut(text, columns));
}
