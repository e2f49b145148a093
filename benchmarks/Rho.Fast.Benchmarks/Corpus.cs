using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using Rho.Fast.Synthetic;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// Synthetic session files for the benchmarks, generated once and kept in the temp folder so each
/// benchmark process does not regenerate 100 MB. The folder name carries a fingerprint of the
/// generator's output, so a changed generator never reuses stale files.
/// </summary>
public static class Corpus
{
    /// <summary>The seed of every corpus.</summary>
    public const ulong Seed = 1_757_811_590;

    /// <summary>Bytes in a megabyte, as used for corpus sizes and throughput.</summary>
    public const long Megabyte = 1_000_000;

    private static readonly Lazy<string> FolderPath = new(CreateFolder);
    private static readonly Lazy<string> TreeFolderPath = new(CreateTreeFolder);
    private static readonly HashSet<string> Checked = new();

    /// <summary>The folder holding the corpora.</summary>
    public static string Folder => FolderPath.Value;

    /// <summary>The path of the realistic corpus of at least <paramref name="megabytes"/> MB, generated if missing.</summary>
    public static string File(int megabytes) => FileOfSize(megabytes * Megabyte, "realistic-" + megabytes + "MB");

    /// <summary>The exact length of the corpus of <paramref name="megabytes"/> MB.</summary>
    public static long Bytes(int megabytes) => new FileInfo(File(megabytes)).Length;

    /// <summary>
    /// The path of the format-4 corpus of at least <paramref name="megabytes"/> MB (a rho 1.47 tree
    /// session with the same kind of texts), generated if missing.
    /// </summary>
    /// <param name="megabytes">The minimum size.</param>
    /// <param name="shape">Realistic, or a history that only grows (no compactions, no retries).</param>
    public static string TreeFile(int megabytes, SyntheticTreeShape shape = SyntheticTreeShape.Realistic) =>
        FileOfSize(
            megabytes * Megabyte,
            Path.Combine(TreeFolderPath.Value, (shape == SyntheticTreeShape.Growing ? "tree-growing-" : "tree-") + megabytes + "MB.jsonl"),
            (path, bytes, seed) => SyntheticTreeSession.WriteFileOfSize(path, bytes, seed, shape));

    /// <summary>The exact length of the format-4 corpus of <paramref name="megabytes"/> MB.</summary>
    public static long TreeBytes(int megabytes, SyntheticTreeShape shape = SyntheticTreeShape.Realistic) => new FileInfo(TreeFile(megabytes, shape)).Length;

    /// <summary>The path of a corpus of at least <paramref name="bytes"/> bytes named <paramref name="name"/>, generated if missing.</summary>
    public static string FileOfSize(long bytes, string name) =>
        FileOfSize(bytes, Path.Combine(Folder, name + ".jsonl"), SyntheticSession.WriteFileOfSize);

    private static string FileOfSize(long bytes, string path, Func<string, long, ulong, long> write)
    {
        lock (Checked)
        {
            if (Checked.Contains(path))
            {
                return path;
            }

            if (!System.IO.File.Exists(path) || new FileInfo(path).Length < bytes)
            {
                string partial = path + ".partial";
                write(partial, bytes, Seed);
                System.IO.File.Move(partial, path, overwrite: true);
            }

            Checked.Add(path);
            return path;
        }
    }

    private static string CreateFolder() => FingerprintedFolder("", probe => SyntheticSession.WriteFile(probe, 300, Seed));

    // The tree corpora have a folder of their own, so a change to one generator regenerates only its files.
    private static string CreateTreeFolder() => FingerprintedFolder("tree-", probe =>
    {
        using var file = System.IO.File.Create(probe);
        file.Write(SyntheticTreeSession.Generate(Seed, 300).ToBytes());
        file.Write(SyntheticTreeSession.Generate(Seed, 300, new SyntheticTreeOptions { Shape = SyntheticTreeShape.Growing }).ToBytes());
    });

    private static string FingerprintedFolder(string prefix, Action<string> writeProbe)
    {
        string root = Path.Combine(Path.GetTempPath(), "rho-fast-bench");
        Directory.CreateDirectory(root);
        string probe = Path.Combine(root, "fingerprint-" + prefix + Environment.ProcessId + ".jsonl");
        writeProbe(probe);
        string fingerprint = Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(probe)))[..12];
        System.IO.File.Delete(probe);
        string folder = Path.Combine(root, prefix + fingerprint);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
