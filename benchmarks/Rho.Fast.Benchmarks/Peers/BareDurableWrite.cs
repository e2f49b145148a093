using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Rho.Fast.Benchmarks.Peers;

/// <summary>The floor for a durable append: one positioned <c>write</c> and one <c>fdatasync</c>, nothing else.</summary>
public static partial class BareDurableWrite
{
    /// <summary>Writes <paramref name="bytes"/> at <paramref name="offset"/> and waits until they are on disk.</summary>
    public static void WriteAndSync(SafeFileHandle handle, byte[] bytes, long offset)
    {
        RandomAccess.Write(handle, bytes, offset);
        if (fdatasync(checked((int)handle.DangerousGetHandle())) != 0)
        {
            throw new IOException("fdatasync failed: " + new Win32Exception(Marshal.GetLastPInvokeError()).Message);
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fdatasync(int fd);
}
