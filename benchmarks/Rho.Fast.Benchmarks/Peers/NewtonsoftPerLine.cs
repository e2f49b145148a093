using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rho.Fast.Benchmarks.Peers;

/// <summary>The Json.NET peer: each line read as a string and loaded into a <see cref="JObject"/> (every value materialized).</summary>
public static class NewtonsoftPerLine
{
    /// <summary>Parses every line; returns how many were messages.</summary>
    public static long Parse(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
        using var text = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 256 * 1024);
        long messages = 0;
        string? line;
        while ((line = text.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            // JObject.Parse with the depth raised: Json.NET's default MaxDepth of 64 rejects these files.
            using var reader = new JsonTextReader(new StringReader(line)) { MaxDepth = 128, DateParseHandling = DateParseHandling.None };
            JObject entry = JObject.Load(reader);
            if (entry.ContainsKey("message"))
            {
                messages++;
            }
        }

        return messages;
    }
}
