using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Enumeration;

namespace Rho.Fast;

/// <summary>
/// A session found in a workspace folder, in either of rho's layouts, with the size and
/// modification time that decide whether an index row still describes it.
/// </summary>
/// <param name="Path">The transcript: <c>&lt;ws&gt;/&lt;name&gt;.jsonl</c>, or <c>&lt;ws&gt;/&lt;name&gt;/session.jsonl</c>.</param>
/// <param name="Id">The id the name gives (after its last <c>_</c>).</param>
/// <param name="NameCreated">The Unix seconds before the name's first <c>_</c>, when they parse.</param>
/// <param name="Size">The file's size in bytes.</param>
/// <param name="Mtime">The file's modification time in whole Unix seconds.</param>
internal sealed record SessionUnit(string Path, string Id, ulong? NameCreated, long Size, long Mtime)
{
    private const string FolderSessionFile = "session.jsonl";

    private static readonly EnumerationOptions Options = new() { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };

    /// <summary>The sessions of one workspace folder; none when it does not exist.</summary>
    /// <param name="directory">The workspace folder.</param>
    public static List<SessionUnit> In(string directory)
    {
        var units = new List<SessionUnit>();
        if (!Directory.Exists(directory))
        {
            return units;
        }

        var entries = new FileSystemEnumerable<SessionUnit?>(directory, Describe, Options)
        {
            ShouldIncludePredicate = static (ref FileSystemEntry entry) => entry.IsDirectory || entry.FileName.EndsWith(".jsonl", StringComparison.Ordinal),
        };
        foreach (SessionUnit? unit in entries)
        {
            if (unit is not null)
            {
                units.Add(unit);
            }
        }

        return units;
    }

    /// <summary>The session whose transcript is <paramref name="path"/>, or <see langword="null"/> when its name is not a session's.</summary>
    /// <param name="path">A full path, flat or <c>session.jsonl</c> in a session folder.</param>
    /// <exception cref="IOException">The file cannot be examined.</exception>
    public static SessionUnit? Of(string path)
    {
        var file = new FileInfo(path);
        string unitName = file.Name == FolderSessionFile ? System.IO.Path.GetFileName(file.DirectoryName ?? "") : System.IO.Path.GetFileNameWithoutExtension(file.Name);
        return Named(file.FullName, unitName, file.Length, new DateTimeOffset(file.LastWriteTimeUtc));
    }

    private static SessionUnit? Describe(ref FileSystemEntry entry)
    {
        if (!entry.IsDirectory)
        {
            ReadOnlySpan<char> name = entry.FileName;
            if (name.SequenceEqual(FolderSessionFile))
            {
                return null;
            }

            return Named(entry.ToFullPath(), name[..^".jsonl".Length], entry.Length, entry.LastWriteTimeUtc);
        }

        // A session folder: its transcript is session.jsonl inside it.
        string folder = entry.ToFullPath();
        var transcript = new FileInfo(System.IO.Path.Combine(folder, FolderSessionFile));
        return transcript.Exists
            ? Named(transcript.FullName, entry.FileName, transcript.Length, new DateTimeOffset(transcript.LastWriteTimeUtc))
            : null;
    }

    private static SessionUnit? Named(string path, ReadOnlySpan<char> unitName, long size, DateTimeOffset modified)
    {
        int last = unitName.LastIndexOf('_');
        if (last < 0)
        {
            return null;
        }

        int first = unitName.IndexOf('_');
        ulong? created = ulong.TryParse(unitName[..first], NumberStyles.None, CultureInfo.InvariantCulture, out ulong seconds) ? seconds : null;
        return new SessionUnit(path, unitName[(last + 1)..].ToString(), created, size, modified.ToUnixTimeSeconds());
    }
}
