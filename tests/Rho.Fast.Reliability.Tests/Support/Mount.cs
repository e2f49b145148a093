using System;
using System.Diagnostics;
using System.IO;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// A mount made for one test and removed on dispose: a tiny tmpfs (a disk that fills up) or a
/// read-only bind. Only where the test runs as root with the right to mount; otherwise the
/// factory methods return <see langword="null"/> and the test takes its documented fallback.
/// </summary>
internal sealed class Mount : IDisposable
{
    private readonly string _target;

    private Mount(string target) => _target = target;

    public string Path => _target;

    /// <summary>A tmpfs of <paramref name="kilobytes"/> KiB at <paramref name="target"/>, which must be an empty folder.</summary>
    public static Mount? Tmpfs(string target, int kilobytes)
    {
        Directory.CreateDirectory(target);
        return CanMount() && Run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k,mode=0700", "tmpfs", target) ? new Mount(target) : null;
    }

    /// <summary><paramref name="folder"/> remounted read-only over itself.</summary>
    public static Mount? ReadOnlyBind(string folder)
    {
        if (!CanMount() || !Run("mount", "--bind", folder, folder))
        {
            return null;
        }

        var mount = new Mount(folder);
        if (!Run("mount", "-o", "remount,ro,bind", folder))
        {
            mount.Dispose();
            return null;
        }

        return mount;
    }

    public void Dispose() => Run("umount", "-l", _target);

    private static bool CanMount() => OperatingSystem.IsLinux() && Environment.UserName == "root" && File.Exists("/proc/self/mountinfo");

    private static bool Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using Process process = Process.Start(start)!;
            process.WaitForExit(30_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
