using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Rho.Fast;

/// <summary>
/// Tells when a path stops naming the file a handle has open, as when salvage renames a rewritten
/// file over it. On Linux it compares the device and inode (<c>statx</c>), exactly. Elsewhere, or
/// where <c>statx</c> is missing, it compares lengths: the path's length differs from the handle's
/// while the handle's stayed the same around the look. That can be fooled only by two files of equal
/// length, and then only until one of them grows.
/// </summary>
internal sealed partial class ReplacementWatch
{
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxIno = 0x100;
    private const int NoSuchSystemCall = 38;

    private static bool s_statxMissing;

    private readonly FileIdentity? _opened;

    /// <param name="handle">The open file.</param>
    /// <param name="byLength">Compare lengths even where identities are available (to test that way of telling).</param>
    public ReplacementWatch(SafeFileHandle handle, bool byLength = false)
    {
        if (!byLength && TryIdentify(handle, out FileIdentity opened))
        {
            _opened = opened;
        }
    }

    /// <summary>Whether <paramref name="path"/> now names another file than <paramref name="handle"/>; not when it names none.</summary>
    public bool IsReplaced(string path, SafeFileHandle handle)
    {
        if (_opened is { } opened)
        {
            return TryIdentify(path, out FileIdentity current) && current != opened;
        }

        long before = RandomAccess.GetLength(handle);
        var named = new FileInfo(path);
        if (!named.Exists)
        {
            return false;
        }

        // A file that only grows or is cut at its end cannot have another length at the path
        // while its own length stayed the same on both sides of the look.
        return named.Length != before && RandomAccess.GetLength(handle) == before;
    }

    private static bool TryIdentify(SafeFileHandle handle, out FileIdentity identity)
    {
        identity = default;
        if (!OperatingSystem.IsLinux() || s_statxMissing)
        {
            return false;
        }

        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Identify(checked((int)handle.DangerousGetHandle()), "", AtEmptyPath, out identity);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static bool TryIdentify(string path, out FileIdentity identity)
    {
        identity = default;
        return OperatingSystem.IsLinux() && !s_statxMissing && Identify(AtFdCwd, path, 0, out identity);
    }

    private static bool Identify(int directory, string path, int flags, out FileIdentity identity)
    {
        identity = default;
        try
        {
            if (statx(directory, path, flags, StatxIno, out Statx status) != 0)
            {
                // A path that names nothing now (or cannot be looked at) names no other file.
                s_statxMissing |= Marshal.GetLastPInvokeError() == NoSuchSystemCall;
                return false;
            }

            identity = new FileIdentity(status.DeviceMajor, status.DeviceMinor, status.Inode);
            return true;
        }
        catch (EntryPointNotFoundException)
        {
            // A C library older than statx: lengths it is.
            s_statxMissing = true;
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int directory, string path, int flags, uint mask, out Statx status);

    private readonly record struct FileIdentity(uint DeviceMajor, uint DeviceMinor, ulong Inode);

    // struct statx is the same on every Linux architecture: 256 bytes, the inode at 32, the device at 136.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(136)]
        public uint DeviceMajor;

        [FieldOffset(140)]
        public uint DeviceMinor;
    }
}
