using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit;

namespace Rho.Fast.PackageTests;

/// <summary>
/// <c>dotnet pack</c> gives a package that works on its own: the library and its source generator,
/// used by a console project that references nothing but the package from a local folder; with its
/// readme, licence, repository and symbols, and nothing the package does not ship.
/// </summary>
[Collection(PackingCollection.Name)]
public sealed class PackageTests(PackedLibrary library) : IClassFixture<PackedLibrary>
{
    [Fact]
    public void A_project_referencing_only_the_package_declares_a_union_and_reads_a_session()
    {
        using (ZipArchive zip = ZipFile.OpenRead(library.Package))
        {
            string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains("lib/net10.0/Rho.Fast.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Rho.Fast.Generators.dll", entries);
        }

        string consumer = Path.Combine(library.Work, "consumer");
        Directory.CreateDirectory(consumer);
        string template = Path.Combine(AppContext.BaseDirectory, "Consumer");
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), File.ReadAllText(Path.Combine(template, "Consumer.csproj.template")).Replace("@VERSION@", library.Version));
        File.Copy(Path.Combine(template, "NuGet.config"), Path.Combine(consumer, "NuGet.config"));
        File.Copy(Path.Combine(template, "Program.cs"), Path.Combine(consumer, "Program.cs"));

        string output = ChildProcess.Dotnet(consumer, "run", "-c", "Release", "--", library.Work);

        Assert.Equal(
            "{\"type\":\"move\",\"x\":1,\"y\":2}\n" +
            "True\n" +
            "{\"type\":\"say\",\"text\":\"hi \\\"there\\\"\"}\n" +
            "{\"type\":\"quit\"}\n" +
            "2 messages, torn tail at line 4, header 00000000-0000-4000-8000-000000000000\n" +
            "{\"User\":[{\"Text\":\"list the files\"}]}\n" +
            "{\"Assistant\":[{\"Text\":\"Sure.\"}]}\n" +
            "listed 1 message: index me, index True\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_package_names_its_readme_licence_and_repository_and_has_a_symbols_package()
    {
        using ZipArchive zip = ZipFile.OpenRead(library.Package);
        XElement package = Read(zip, "Rho.Fast.nuspec", XDocument.Load).Root!;

        // NuGet picks the schema version by the features used (a dependency's exclude attribute moves it on).
        XNamespace ns = package.Name.Namespace;
        XElement metadata = package.Element(ns + "metadata")!;

        Assert.Equal(library.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        string projectUrl = metadata.Element(ns + "projectUrl")!.Value;
        Assert.StartsWith("https://", projectUrl, StringComparison.Ordinal);
        Assert.Equal(projectUrl, metadata.Element(ns + "repository")!.Attribute("url")!.Value);

        // The readme is the one written for users of the package: links that work on a package page, no repository paths.
        string readmeName = metadata.Element(ns + "readme")!.Value;
        string readme = Read(zip, readmeName, stream => new StreamReader(stream).ReadToEnd());
        Assert.Contains("dotnet add package Rho.Fast", readme, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\]\((?!https://)", readme);
        Assert.DoesNotContain("../", readme, StringComparison.Ordinal);

        Assert.True(File.Exists(Path.ChangeExtension(library.Package, ".snupkg")), "no symbols package next to " + library.Package);
    }

    [Fact]
    public void The_library_does_not_ship_the_synthetic_sessions_or_the_throughput_probe()
    {
        using ZipArchive zip = ZipFile.OpenRead(library.Package);
        string[] types = Read(zip, "lib/net10.0/Rho.Fast.dll", TypeNames);

        Assert.Contains("Rho.Fast.SessionReader", types);
        Assert.DoesNotContain(types, t => t.StartsWith("Rho.Fast.Synthetic.", StringComparison.Ordinal) || t.EndsWith(".ThroughputProbe", StringComparison.Ordinal));
    }

    private static T Read<T>(ZipArchive zip, string name, Func<Stream, T> read)
    {
        ZipArchiveEntry entry = zip.GetEntry(name) ?? throw new InvalidOperationException(name + " is not in the package");
        using var copy = new MemoryStream();
        using (Stream stream = entry.Open())
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        return read(copy);
    }

    private static string[] TypeNames(Stream assembly)
    {
        using var pe = new PEReader(assembly);
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions
            .Select(handle => metadata.GetTypeDefinition(handle))
            .Select(type => metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name))
            .ToArray();
    }
}
