using System;
using System.Collections.Generic;

namespace Rho.Fast.Tests;

/// <summary>Splits bytes into lines the way Rust's <c>BufRead::lines</c> does.</summary>
internal static class Lines
{
    public static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        int start = 0;
        while (start < bytes.Length)
        {
            int newline = Array.IndexOf(bytes, (byte)'\n', start);
            int end = newline < 0 ? bytes.Length : newline;
            int length = end - start;
            if (length > 0 && bytes[end - 1] == (byte)'\r')
            {
                length--;
            }

            lines.Add(bytes.AsSpan(start, length).ToArray());
            start = newline < 0 ? bytes.Length : newline + 1;
        }

        return lines;
    }
}
