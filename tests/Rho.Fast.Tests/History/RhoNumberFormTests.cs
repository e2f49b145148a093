using System;
using System.Text;
using Xunit;

namespace Rho.Fast.Tests.History;

/// <summary>Which numbers rho keeps as integers, and what the others become.</summary>
public sealed class RhoNumberFormTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("-7")]
    [InlineData("18446744073709551615")]
    [InlineData("-9223372036854775808")]
    [InlineData("1.5")]
    [InlineData("1e+16")]
    [InlineData("1e-7")]
    [InlineData("0.00001")]
    [InlineData("-0.0")]
    [InlineData("1000000000000000.0")]
    public void Rhos_own_forms_are_kept(string literal)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(literal);
        Assert.True(RhoNumberForm.IsCanonical(bytes));
        Assert.Equal(literal, Write(literal));
    }

    [Theory]
    [InlineData("-0", "-0.0")]
    [InlineData("18446744073709551616", "1.8446744073709552e+19")]
    [InlineData("-9223372036854775809", "-9.223372036854776e+18")]
    [InlineData("-18446744073709551615", "-1.8446744073709552e+19")]
    [InlineData("1e16", "1e+16")]
    [InlineData("1E16", "1e+16")]
    [InlineData("1.0e0", "1.0")]
    [InlineData("1e0", "1.0")]
    [InlineData("1.50", "1.5")]
    [InlineData("0.000001", "1e-6")]
    [InlineData("1e-5", "0.00001")]
    [InlineData("1818.4969776440503", "1818.4969776440505")]
    [InlineData("1e15", "1000000000000000.0")]
    public void Other_numbers_become_rhos_float_form(string literal, string expected)
    {
        Assert.False(RhoNumberForm.IsCanonical(Encoding.ASCII.GetBytes(literal)));
        Assert.Equal(expected, Write(literal));
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData("--1")]
    [InlineData("")]
    public void Numbers_serde_json_refuses_are_not_canonical_and_not_written(string literal)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(literal);
        Assert.False(RhoNumberForm.IsCanonical(bytes));
        Assert.Equal(-1, RhoNumberForm.Write(bytes, new byte[RhoNumberForm.MaxLength(bytes)], out string? problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }

    private static string Write(string literal)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(literal);
        byte[] destination = new byte[RhoNumberForm.MaxLength(bytes)];
        int length = RhoNumberForm.Write(bytes, destination, out string? problem);
        Assert.Null(problem);
        return Encoding.ASCII.GetString(destination, 0, length);
    }
}
