using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Providers;

namespace Declarative.Core.Manifests;

/// <summary>
/// Values layering (later wins): base values, the environment's file, --values files in order, then --set and
/// --set-string in command-line order. Maps merge deeply; lists and scalars replace.
/// </summary>
public static class ValueLayers
{
    public static StageResult<JsonObject> Build(ProjectDefinition project, EnvironmentDefinition environment, LoadRequest request)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var values = new JsonObject();
        var files = new List<(string Path, SourceLocation? DeclaredAt)>();
        if (project.ValuesFile is not null)
        {
            files.Add((Path.Combine(project.Root, project.ValuesFile), project.Source?.Locate("/spec/values")));
        }

        if (environment.ValuesFile is not null)
        {
            files.Add((Path.Combine(project.Root, environment.ValuesFile), project.Source?.Locate($"/spec/environments/{environment.Name}/values")));
        }

        files.AddRange(request.ValuesFiles.Select(f => (Path.GetFullPath(Path.Combine(request.WorkingDirectory, f)), (SourceLocation?)null)));
        foreach (var (path, declaredAt) in files)
        {
            var layer = ReadFile(path, declaredAt, diagnostics);
            if (layer is not null)
            {
                Merge(values, layer);
            }
        }

        foreach (var valueOverride in request.Overrides)
        {
            var error = SetExpression.Apply(values, valueOverride);
            if (error is not null)
            {
                diagnostics.Add(error);
            }
        }

        return new(values, diagnostics.ToImmutable());
    }

    /// <summary>Merges <paramref name="overlay"/> into <paramref name="target"/> (which is changed).</summary>
    public static void Merge(JsonObject target, JsonObject overlay)
    {
        foreach (var (key, value) in overlay)
        {
            if (value is JsonObject overlayMap && target[key] is JsonObject targetMap)
            {
                Merge(targetMap, overlayMap);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static JsonObject? ReadFile(string path, SourceLocation? declaredAt, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (!File.Exists(path))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValues, "Values file not found", declaredAt, $"\"{path}\" does not exist.", "Create the file or fix the path."));
            return null;
        }

        if (Utf8SourceFile.Read(path, out var notUtf8) is not { } text)
        {
            diagnostics.Add(notUtf8!);
            return null;
        }

        var read = YamlDocumentReader.Read(text, path);
        diagnostics.AddRange(read.Diagnostics);
        if (read.HasErrors)
        {
            return null;
        }

        var documents = read.Value.Where(d => d.Root is not null).ToList();
        if (documents.Count == 0)
        {
            return new JsonObject();
        }

        if (documents.Count > 1 || documents[0].Root is not JsonObject map)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValues, "A values file must hold one map", documents[0].Source.Locate(string.Empty), $"\"{path}\" holds {(documents.Count > 1 ? "several documents" : JsonText.Describe(documents[0].Root))}.", "Write the values as one YAML map (key: value)."));
            return null;
        }

        return map;
    }
}
