using System.Text.Json;
using Declarative.Core.Manifests;
using Declarative.Testing;
using Json.Schema;

namespace Declarative.Cli.Tests.Schemas;

/// <summary>Checks YAML text against a schema of docs/schemas with a JSON Schema library, reading the YAML the way decl
/// does (YAML 1.1), so that a disagreement is one of the schema, not of the YAML dialect.</summary>
internal static class SchemaCheck
{
    public static string SchemaFolder => Path.Combine(TestPaths.RepositoryRoot, "docs", "schemas");

    /// <summary>Read from text, not from the file: a schema loaded from a file is registered under the file's
    /// address, and two loads of it in one test run would collide.</summary>
    public static JsonSchema Load(string fileName) => JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaFolder, fileName)));

    /// <summary>Every problem the schema finds in every document of <paramref name="yaml"/>; empty when it accepts
    /// them all.</summary>
    public static IReadOnlyList<string> Problems(JsonSchema schema, string yaml, string file)
    {
        var read = YamlDocumentReader.Read(yaml, file);
        Assert.False(read.HasErrors, $"{file} is not YAML decl reads: {string.Join("; ", read.Diagnostics.Select(d => d.Summary))}");
        var problems = new List<string>();
        for (var i = 0; i < read.Value.Length; i++)
        {
            if (read.Value[i].Root is not { } root)
            {
                continue;
            }

            using var json = JsonDocument.Parse(root.ToJsonString());
            var results = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (results.IsValid)
            {
                continue;
            }

            var details = (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
            problems.Add($"{file}, document {i + 1}: {(details.Count == 0 ? "invalid" : string.Join("; ", details))}");
        }

        return problems;
    }
}
