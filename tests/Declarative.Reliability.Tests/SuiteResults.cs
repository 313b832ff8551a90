using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Reliability.Tests;

/// <summary>
/// One suite's figures (what ran, how many, how many held, what failed), written as RESULTS/NAME.json when
/// RELIABILITY_RESULTS is set; scripts/reliability.sh turns the files into the table of docs/reliability.md.
/// </summary>
internal static class SuiteResults
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(ReliabilitySettings settings, string name, string what, int count, int passed, IEnumerable<string> failures, JsonObject? details = null)
    {
        if (settings.ResultsFolder is not { } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var result = new JsonObject
        {
            ["suite"] = name,
            ["what"] = what,
            ["count"] = count,
            ["passed"] = passed,
            ["seed"] = settings.Seed,
            ["failures"] = new JsonArray([.. failures.Take(20).Select(f => (JsonNode)JsonValue.Create(f))]),
            ["details"] = details ?? new JsonObject(),
        };
        File.WriteAllText(Path.Combine(folder, name + ".json"), result.ToJsonString(Indented));
    }
}
