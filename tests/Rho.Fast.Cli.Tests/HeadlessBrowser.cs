using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace Rho.Fast.Cli.Tests;

/// <summary>What the browser made of a page: its DOM after loading, what it logged to the console, what it fetched.</summary>
internal sealed record BrowserVisit(string Dom, IReadOnlyList<string> ConsoleMessages, IReadOnlyList<string> Requests);

/// <summary>
/// Debian's Chromium, headless, on a local page: <c>--dump-dom</c> for the DOM, console messages from
/// its log on stderr, and every request the page made from its net log. Any request is routed to a
/// closed port on this machine, so nothing leaves it even if the page asked.
/// </summary>
internal static class HeadlessBrowser
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The browser: <c>RHO_FAST_CHROMIUM</c>, else <c>chromium</c> or <c>chromium-headless-shell</c> on the PATH.</summary>
    public static string Executable()
    {
        if (Environment.GetEnvironmentVariable("RHO_FAST_CHROMIUM") is { Length: > 0 } chosen)
        {
            return chosen;
        }

        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in new[] { "chromium", "chromium-headless-shell" })
            {
                string candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("no headless browser: install Debian's chromium (apt-get install chromium), or set RHO_FAST_CHROMIUM; .ci/run installs it");
    }

    public static BrowserVisit Visit(string page, string workFolder)
    {
        string netLog = Path.Combine(workFolder, "net-log.json");
        (string stdout, string stderr) = Run(workFolder, ["--enable-logging=stderr", "--v=0", "--log-net-log=" + netLog, "--dump-dom", new Uri(page).AbsoluteUri]);
        var console = new List<string>();
        foreach (string line in stderr.Split('\n'))
        {
            if (line.Contains(":CONSOLE", StringComparison.Ordinal))
            {
                console.Add(line);
            }
        }

        return new BrowserVisit(stdout, console, PageRequests(netLog));
    }

    /// <summary>Renders the page into a PNG of the given size.</summary>
    public static void Screenshot(string page, string png, int width, int height, string workFolder) =>
        Run(workFolder, ["--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png, new Uri(page).AbsoluteUri]);

    private static (string Stdout, string Stderr) Run(string workFolder, string[] arguments)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workFolder,
        };
        foreach (string argument in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--user-data-dir=" + Path.Combine(workFolder, "profile"), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the browser did not finish within " + Timeout + ": " + string.Join(' ', arguments));
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("the browser exited with " + process.ExitCode + ":\n" + stderr.Result);
        }

        return (stdout.Result, stderr.Result);
    }

    /// <summary>
    /// The URLs of the requests a page started, from the net log: requests the browser makes for
    /// itself (updates, accounts) have no initiating origin and are left out.
    /// </summary>
    private static List<string> PageRequests(string netLog)
    {
        using JsonDocument log = JsonDocument.Parse(File.ReadAllBytes(netLog), new JsonDocumentOptions { AllowTrailingCommas = true });
        int startJob = log.RootElement.GetProperty("constants").GetProperty("logEventTypes").GetProperty("URL_REQUEST_START_JOB").GetInt32();
        var requests = new List<string>();
        foreach (JsonElement entry in log.RootElement.GetProperty("events").EnumerateArray())
        {
            if (entry.GetProperty("type").GetInt32() == startJob && entry.TryGetProperty("params", out JsonElement parameters)
                && parameters.TryGetProperty("url", out JsonElement url)
                && !(parameters.TryGetProperty("initiator", out JsonElement initiator) && initiator.GetString() == "not an origin"))
            {
                requests.Add(url.GetString()!);
            }
        }

        return requests;
    }
}
