using System.Text;
using Docker.DotNet.Models;

namespace Declarative.Benchmarks;

/// <summary>
/// What a classic-builder stream said: the steps, which of them were answered from the build cache, the built
/// image and the engine's error. A FROM step never says "Using cache" (there is nothing to run), so only the
/// other steps count as uncached when the line is missing.
/// </summary>
internal sealed record ClassicBuildOutcome(IReadOnlyList<string> Steps, IReadOnlyList<string> UncachedSteps, string? ImageId, string? Error, string Output)
{
    private const string StepPrefix = "Step ";
    private const string CacheHit = " ---> Using cache";
    private const string Built = "Successfully built ";

    /// <summary>Every step after FROM came from the cache, and the engine reported an image and no error.</summary>
    public bool FullyCached => Error is null && ImageId is not null && Steps.Count > 0 && UncachedSteps.Count == 0;

    public static ClassicBuildOutcome Read(IReadOnlyList<JSONMessage> messages)
    {
        var output = new StringBuilder();
        string? error = null;
        foreach (var message in messages)
        {
            output.Append(message.Stream);
            error ??= message.Error?.Message is { Length: > 0 } text ? text.Trim() : null;
        }

        var steps = new List<string>();
        var cached = new HashSet<int>();
        string? imageId = null;
        foreach (var line in output.ToString().Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith(StepPrefix, StringComparison.Ordinal))
            {
                steps.Add(line);
            }
            else if (line.StartsWith(CacheHit, StringComparison.Ordinal) && steps.Count > 0)
            {
                cached.Add(steps.Count - 1);
            }
            else if (line.StartsWith(Built, StringComparison.Ordinal))
            {
                imageId = line[Built.Length..].Trim();
            }
        }

        var uncached = steps.Where((step, index) => !cached.Contains(index) && !IsFrom(step)).ToList();
        return new ClassicBuildOutcome(steps, uncached, imageId, error, output.ToString());
    }

    // "Step 1/3 : FROM scratch"
    private static bool IsFrom(string step) =>
        step.IndexOf(" : ", StringComparison.Ordinal) is var colon and >= 0
        && step[(colon + 3)..].StartsWith("FROM ", StringComparison.OrdinalIgnoreCase);
}
