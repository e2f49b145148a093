using System;
using System.Buffers.Binary;
using System.Text;

namespace Rho.Fast.Serialization;

/// <summary>
/// Short strings read lately, one per slot of a small table, so a value read again gets the same
/// instance instead of a new one: a tool's name on every call, and a call's id again in its
/// result. A kept read then holds fewer objects for the collector to promote. Strings are
/// immutable, so sharing one is invisible to callers.
/// </summary>
internal static class RecentStrings
{
    // Longer values (text, paths) rarely repeat; ids and names fit.
    private const int MaxLength = 64;
    private const int Slots = 1024;

    [ThreadStatic]
    private static string?[]? t_slots;

    /// <summary>The string for <paramref name="utf8"/>, unescaped UTF-8 a reader has already validated.</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength || utf8.Length < 2)
        {
            return utf8.IsEmpty ? string.Empty : Encoding.UTF8.GetString(utf8);
        }

        string?[] slots = t_slots ??= new string?[Slots];
        ref string? slot = ref slots[Slot(utf8)];
        string? seen = slot;
        if (seen is not null && seen.Length == utf8.Length && Ascii.Equals(utf8, seen))
        {
            return seen;
        }

        string made = Encoding.UTF8.GetString(utf8);
        slot = made;
        return made;
    }

    /// <summary>A slot from the length and the first and last eight bytes, where ids differ.</summary>
    private static int Slot(ReadOnlySpan<byte> utf8)
    {
        ulong head, tail;
        if (utf8.Length >= sizeof(ulong))
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(utf8[^sizeof(ulong)..]);
        }
        else
        {
            head = BinaryPrimitives.ReadUInt16LittleEndian(utf8);
            tail = BinaryPrimitives.ReadUInt16LittleEndian(utf8[^2..]);
        }

        ulong mixed = ((head * 0x9E3779B97F4A7C15UL) ^ tail ^ (ulong)utf8.Length) * 0xC2B2AE3D27D4EB4FUL;
        return (int)(mixed >> 54) & (Slots - 1);
    }
}
