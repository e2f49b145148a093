using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Rho.Fast;

/// <summary>
/// The few file operations the store needs beyond what .NET offers: <c>fdatasync</c>, which makes
/// written data durable without also flushing unrelated metadata (elsewhere than Linux,
/// <c>fsync</c> stands in), owner-only modes, and the libc calls behind <see cref="DirectoryHandle"/>.
/// </summary>
internal static partial class DurableFile
{
    internal const int LockExclusive = 2;
    internal const int LockUnlock = 8;
    private const int Interrupted = 4;

    /// <summary>The modes the store enforces: owner-only.</summary>
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Owner-only directory mode.</summary>
    public const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Options to open a file unbuffered, created owner-only if it does not exist.</summary>
    public static FileStreamOptions PrivateFileOptions(FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions
        {
            Mode = mode,
            Access = access,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows() && mode is not (FileMode.Open or FileMode.Truncate))
        {
            options.UnixCreateMode = PrivateFile;
        }

        return options;
    }

    /// <summary>Makes the file's data durable: <c>fdatasync</c> on Linux, <c>fsync</c> elsewhere.</summary>
    public static void SyncData(SafeFileHandle handle)
    {
        if (OperatingSystem.IsLinux())
        {
            int fd = Descriptor(handle);
            while (fdatasync(fd) != 0)
            {
                ThrowUnlessInterrupted("flush to disk");
            }
        }
        else
        {
            RandomAccess.FlushToDisk(handle);
        }
    }

    /// <summary>Sets owner-only permissions on a file, whatever they were.</summary>
    public static void MakePrivate(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(handle, PrivateFile);
        }
    }

    /// <summary>Creates a directory if needed and sets owner-only permissions, whatever they were.</summary>
    public static void EnsurePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, PrivateDirectory);
        File.SetUnixFileMode(path, PrivateDirectory);
    }

    private static int Descriptor(SafeFileHandle handle) => checked((int)handle.DangerousGetHandle());

    internal static void ThrowUnlessInterrupted(string what)
    {
        int error = Marshal.GetLastPInvokeError();
        if (error != Interrupted)
        {
            throw new IOException("Could not " + what + ": " + new Win32Exception(error).Message, error);
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int flock(int fd, int operation);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fdatasync(int fd);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int fsync(int fd);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int close(int fd);
}
