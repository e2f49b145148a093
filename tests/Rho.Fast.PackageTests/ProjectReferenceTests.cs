using System;
using System.IO;
using Xunit;

namespace Rho.Fast.PackageTests;

/// <summary>
/// A project that references Rho.Fast's sources rather than the package, as README.md says to:
/// the library by <c>ProjectReference</c> and its generator as an analyzer. It builds with
/// <c>dotnet build</c>, declares its own union and record, and writes serde's bytes.
/// </summary>
[Collection(PackingCollection.Name)]
public sealed class ProjectReferenceTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("rho-fast-project-reference-").FullName;

    [Fact]
    public void A_project_referencing_the_library_project_declares_a_union_and_a_record()
    {
        string consumer = Path.Combine(_work, "consumer");
        Directory.CreateDirectory(consumer);
        string template = Path.Combine(AppContext.BaseDirectory, "ProjectConsumer");
        string repository = Repository.Root.TrimEnd(Path.DirectorySeparatorChar).Replace('\\', '/');
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), File.ReadAllText(Path.Combine(template, "ProjectConsumer.csproj.template")).Replace("@REPO@", repository));
        File.Copy(Path.Combine(template, "Program.cs"), Path.Combine(consumer, "Program.cs"));

        // Built first: the build's own messages (a CI build's Source Link notes) are not the program's output.
        ChildProcess.Dotnet(consumer, "build", "-c", "Release");
        string output = ChildProcess.Dotnet(consumer, "run", "-c", "Release", "--no-build");

        Assert.Equal(
            "{\"kind\":\"circle\",\"center\":{\"x\":1,\"y\":-2},\"radius\":0.5}\n" +
            "True\n" +
            "{\"kind\":\"label\",\"text\":\"hi \\\"there\\\"\"}\n" +
            "{\"kind\":\"empty\"}\n" +
            "{\"x\":3,\"y\":4}\n" +
            "True\n",
            output.ReplaceLineEndings("\n"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
