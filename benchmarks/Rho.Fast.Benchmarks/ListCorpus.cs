using System.IO;
using Rho.Fast.Synthetic;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// The store of the listing benchmarks: <see cref="BenchmarkSettings.ListSessionCount"/> sessions of
/// one size in one workspace, generated once into the corpus folder and shared by every listing benchmark.
/// </summary>
public static class ListCorpus
{
    /// <summary>The store root for sessions of <paramref name="sessionKB"/> KB, generated if missing.</summary>
    public static string Root(int sessionKB)
    {
        string root = Path.Combine(Corpus.Folder, "store-" + BenchmarkSettings.ListSessionCount + "x" + sessionKB + "KB");
        string directory = new SessionStore(root).WorkspaceDirectory(SyntheticSession.DefaultCwd);
        string done = Path.Combine(root, "complete");
        if (!File.Exists(done))
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            Directory.CreateDirectory(directory);
            for (int i = 0; i < BenchmarkSettings.ListSessionCount; i++)
            {
                ulong seed = Corpus.Seed + (ulong)i;
                SessionEntry.Header header = SyntheticSession.Header(seed);
                string path = Path.Combine(directory, header.Timestamp + "_" + header.Id + ".jsonl");
                SyntheticSession.WriteFileOfSize(path, sessionKB * 1000L, seed);
            }

            File.WriteAllText(done, "");
        }

        return root;
    }

    /// <summary>The workspace folder holding the sessions.</summary>
    public static string Workspace(string root) => new SessionStore(root).WorkspaceDirectory(SyntheticSession.DefaultCwd);

    /// <summary>Reads every file once, so the listing runs warm: every session in the page cache.</summary>
    public static long Warm(string root)
    {
        long bytes = 0;
        byte[] buffer = new byte[1 << 20];
        foreach (string path in Directory.EnumerateFiles(Workspace(root), "*.jsonl"))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            int read;
            while ((read = file.Read(buffer)) > 0)
            {
                bytes += read;
            }
        }

        return bytes;
    }
}
