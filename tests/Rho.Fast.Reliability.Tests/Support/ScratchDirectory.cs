using System;
using System.IO;

namespace Rho.Fast.Reliability.Tests;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory()
    {
        Path = Directory.CreateTempSubdirectory("rho-fast-reliability-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A folder left read-only or mounted by a failed test must not fail the next one.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
