using System;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace Rho.Fast;

/// <summary>
/// An open workspace folder, for flushing its entries and for the advisory lock every Rho.Fast
/// writer of a session in it takes around a write or a repair.
/// </summary>
/// <remarks>
/// The lock is on the folder, not the session file: .NET emulates <see cref="FileShare"/> on Unix
/// with a shared <c>flock</c> on every file it opens, so an exclusive <c>flock</c> on the file
/// would make every concurrent .NET reader fail with a sharing violation instead of waiting.
/// </remarks>
internal sealed class DirectoryHandle : SafeHandleMinusOneIsInvalid
{
    public DirectoryHandle(string path) : base(ownsHandle: true)
    {
        int fd;
        while ((fd = DurableFile.open(path, 0)) < 0)
        {
            DurableFile.ThrowUnlessInterrupted("open the folder '" + path + "'");
        }

        SetHandle(fd);
    }

    private int Descriptor => checked((int)handle);

    /// <summary>Waits for and takes the exclusive lock.</summary>
    public void Lock()
    {
        while (DurableFile.flock(Descriptor, DurableFile.LockExclusive) != 0)
        {
            DurableFile.ThrowUnlessInterrupted("lock the session folder");
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Unlock() => _ = DurableFile.flock(Descriptor, DurableFile.LockUnlock);

    /// <summary>Makes the folder's entries durable.</summary>
    public void Sync()
    {
        while (DurableFile.fsync(Descriptor) != 0)
        {
            DurableFile.ThrowUnlessInterrupted("flush the session folder to disk");
        }
    }

    protected override bool ReleaseHandle() => DurableFile.close(Descriptor) == 0;
}
