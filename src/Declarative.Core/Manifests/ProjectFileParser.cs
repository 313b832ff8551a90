using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Providers;

namespace Declarative.Core.Manifests;

/// <summary>Reads declarative.yaml (never templated) into a <see cref="ProjectDefinition"/>, strictly: unknown
/// fields are errors, because a typo here silently changes what gets deployed.</summary>
internal static class ProjectFileParser
{
    public static readonly ImmutableArray<string> DefaultInclude = ["manifests/**/*.yaml", "manifests/**/*.yml"];

    private static readonly string[] TopFields = ProjectFileFormat.Document.FieldNames;
    private static readonly string[] SpecFields = ProjectFileFormat.Spec.FieldNames;
    private static readonly string[] EnvironmentFields = ProjectFileFormat.Environment.FieldNames;
    private static readonly string[] KubernetesFields = ProjectFileFormat.Kubernetes.FieldNames;
    private static readonly string[] DockerFields = ProjectFileFormat.Docker.FieldNames;

    public static StageResult<ProjectDefinition?> Parse(string file, string root)
    {
        string text;
        try
        {
            if (Utf8SourceFile.Read(file, out var notUtf8) is not { } fileText)
            {
                return Fail(notUtf8!);
            }

            text = fileText;
        }
        catch (IOException e)
        {
            return Fail(Diagnostic.Error(DiagnosticCodes.FileUnreadable, "Cannot read the project file", new SourceLocation(file, 1, 1), e.Message, "Check the file's permissions."));
        }

        var read = YamlDocumentReader.Read(text, file);
        if (read.HasErrors)
        {
            return new StageResult<ProjectDefinition?>(null, read.Diagnostics);
        }

        if (read.Value.Length != 1 || read.Value[0].Root is not JsonObject root0)
        {
            return Fail(Diagnostic.Error(DiagnosticCodes.InvalidProjectDocument, "The project file must hold exactly one Project document", new SourceLocation(file, 1, 1), $"Found {read.Value.Length} documents.", "Keep one document with apiVersion: declarative.dev/v1 and kind: Project."));
        }

        var source = read.Value[0].Source;
        var reader = new NodeReader(source);
        reader.CheckFields(root0, string.Empty, TopFields);
        reader.RequireString(root0, "/apiVersion", WellKnown.ProjectApiVersion);
        reader.RequireString(root0, "/kind", WellKnown.ProjectKind);
        var name = reader.String(root0, "/metadata/name", required: true);
        if (name is not null && !NameRules.IsValidName(name))
        {
            reader.Add(Diagnostic.Error(DiagnosticCodes.InvalidName, "Invalid project name", source.Locate("/metadata/name"), NameRules.Explain("project", name), "Rename the project in metadata.name."));
        }

        var spec = reader.Object(root0, "/spec");
        reader.CheckFields(spec, "/spec", SpecFields);
        var written = reader.StringList(root0, "/spec/include");
        var values = reader.String(root0, "/spec/values");
        var state = StateSettingsReader.Read(reader, root0, "/spec/state") ?? StateSettings.Local;
        var environments = ReadEnvironments(reader, root0, state);
        var modules = ModuleInstancesReader.Read(reader, root0, root, environments.Keys.ToList());
        var project = new ProjectDefinition(name ?? "invalid", root, IsImplicit: false, written ?? DefaultInclude, values, environments, source, IncludeIsDefault: written is null) { Modules = modules };
        return new StageResult<ProjectDefinition?>(project, reader.Diagnostics);
    }

    /// <param name="state">The project's <c>spec.state</c>: an environment's own <c>state</c> replaces it whole.</param>
    private static ImmutableSortedDictionary<string, EnvironmentDefinition> ReadEnvironments(NodeReader reader, JsonObject root, StateSettings state)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, EnvironmentDefinition>(StringComparer.Ordinal);
        var environments = reader.Object(root, "/spec/environments");
        if (environments is null || environments.Count == 0)
        {
            result[WellKnown.ImplicitEnvironment] = new EnvironmentDefinition(WellKnown.ImplicitEnvironment, null, null, null, state);
            return result.ToImmutable();
        }

        foreach (var (envName, _) in environments)
        {
            var pointer = JsonPointer.Append("/spec/environments", envName);
            if (!NameRules.IsValidName(envName))
            {
                reader.Add(Diagnostic.Error(DiagnosticCodes.InvalidName, "Invalid environment name", reader.Source.LocateKey(pointer), NameRules.Explain("environment", envName), "Rename the environment under spec.environments."));
            }

            var env = reader.Object(root, pointer);
            reader.CheckFields(env, pointer, EnvironmentFields);
            var kubernetes = reader.Object(root, pointer + "/kubernetes");
            reader.CheckFields(kubernetes, pointer + "/kubernetes", KubernetesFields);
            var docker = reader.Object(root, pointer + "/docker");
            reader.CheckFields(docker, pointer + "/docker", DockerFields);
            result[envName] = new EnvironmentDefinition(
                envName,
                reader.String(root, pointer + "/values"),
                kubernetes is null ? null : new KubernetesTarget(reader.String(root, pointer + "/kubernetes/context"), reader.String(root, pointer + "/kubernetes/namespace")),
                docker is null ? null : new DockerTarget(reader.String(root, pointer + "/docker/host")),
                StateSettingsReader.Read(reader, root, pointer + "/state") ?? state);
        }

        return result.ToImmutable();
    }

    private static StageResult<ProjectDefinition?> Fail(Diagnostic diagnostic) => new(null, [diagnostic]);
}
