using System;

namespace Rho.Fast;

/// <summary>
/// The byte strings one character of a search can appear as in a session line: the serde_json
/// escaped UTF-8 of each of its case variants (<c>"</c> as <c>\"</c>, a newline as <c>\n</c>). No
/// member is a prefix or a suffix of another (UTF-8 is self-synchronizing and only characters
/// without case are escaped), so at most one member matches at a position, forwards or backwards.
/// </summary>
internal sealed class ByteClass
{
    private readonly byte[][] _members;

    // One byte and at most two values one bit apart: matched as (b | _mask) == _value.
    private readonly bool _single;
    private readonly byte _mask;
    private readonly byte _value;

    public ByteClass(byte[][] members)
    {
        _members = members;
        Length = members[0].Length;
        foreach (byte[] member in members)
        {
            if (member.Length != Length)
            {
                Length = -1;
            }
        }

        if (Length == 1 && ProbeAt(0) is (byte mask, byte value))
        {
            (_single, _mask, _value) = (true, mask, value);
        }
    }

    /// <summary>The length in bytes of every member, or -1 when they differ.</summary>
    public int Length { get; }

    /// <summary>The members.</summary>
    public byte[][] Members => _members;

    /// <summary>
    /// When the members all have the same length, a test for their byte at <paramref name="offset"/>
    /// as <c>(b | mask) == value</c>: when that byte is one value, or two that differ in one bit
    /// (ASCII <c>a</c>/<c>A</c>, the second byte of <c>é</c>/<c>É</c>); otherwise <see langword="null"/>.
    /// </summary>
    public (byte Mask, byte Value)? ProbeAt(int offset)
    {
        byte first = _members[0][offset];
        byte other = first;
        foreach (byte[] member in _members)
        {
            byte b = member[offset];
            if (b != first)
            {
                if (other != first && b != other)
                {
                    return null;
                }

                other = b;
            }
        }

        byte difference = (byte)(first ^ other);
        return (difference & (difference - 1)) != 0 ? null : (difference, (byte)(first | other));
    }

    /// <summary>The length of the member that starts at <paramref name="at"/>, or -1.</summary>
    public int MatchForward(ReadOnlySpan<byte> data, int at)
    {
        if (_single)
        {
            return at < data.Length && (data[at] | _mask) == _value ? 1 : -1;
        }

        foreach (byte[] member in _members)
        {
            if (data[at..].StartsWith(member))
            {
                return member.Length;
            }
        }

        return -1;
    }

    /// <summary>The length of the member that ends just before <paramref name="end"/>, or -1.</summary>
    public int MatchBackward(ReadOnlySpan<byte> data, int end)
    {
        if (_single)
        {
            return end > 0 && (data[end - 1] | _mask) == _value ? 1 : -1;
        }

        foreach (byte[] member in _members)
        {
            if (data[..end].EndsWith(member))
            {
                return member.Length;
            }
        }

        return -1;
    }
}
