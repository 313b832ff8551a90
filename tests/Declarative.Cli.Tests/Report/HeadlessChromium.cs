using System.Diagnostics;

namespace Declarative.Cli.Tests.Report;

/// <summary>
/// Debian's <c>chromium</c>, headless, on a local file: a screenshot and the DOM after the page's script ran. It gets a
/// throwaway profile, no network features, and a time limit after which the process tree is killed (by its pid).
/// scripts/ensure-chromium.sh installs it; DECLARATIVE_TEST_CHROMIUM names another binary.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static string Binary()
    {
        var named = Environment.GetEnvironmentVariable("DECLARATIVE_TEST_CHROMIUM");
        var candidates = named is { Length: > 0 } ? [named] : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"No Chromium at {string.Join(" or ", candidates)}: run scripts/ensure-chromium.sh (installs Debian's chromium), or set DECLARATIVE_TEST_CHROMIUM to a Chromium binary.");
    }

    /// <summary>Takes a screenshot of <paramref name="page"/> at 1400x1000 into <paramref name="png"/>.</summary>
    public static Task ScreenshotAsync(string page, string png) => RunAsync(page, null, $"--screenshot={png}", "--window-size=1400,1000");

    /// <summary>The DOM after the page's scripts ran; <paramref name="fragment"/> (<c>q=web</c>) is appended to its URL.</summary>
    public static Task<string> DumpDomAsync(string page, string? fragment = null) => RunAsync(page, fragment, "--dump-dom");

    private static async Task<string> RunAsync(string page, string? fragment, params string[] action)
    {
        var profile = Directory.CreateTempSubdirectory("decl-chromium-");
        try
        {
            var start = new ProcessStartInfo(Binary())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}",
            }.Concat(action).Append(new Uri(page).AbsoluteUri + (fragment is null ? string.Empty : $"#{fragment}")))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(Limit);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish {string.Join(' ', action)} of {page} within {Limit.TotalSeconds} s; it was killed (pid {process.Id}). Its output: {await stderr}");
            }

            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await stderr}");
            return await stdout;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
