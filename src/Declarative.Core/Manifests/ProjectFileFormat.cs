using Declarative.Core.Schemas;

namespace Declarative.Core.Manifests;

/// <summary>
/// declarative.yaml (docs/project-format.md): the fields <see cref="ProjectFileParser"/>,
/// <see cref="ModuleInstancesReader"/> and <see cref="StateSettingsReader"/> accept, and the JSON Schema of the file.
/// </summary>
internal static class ProjectFileFormat
{
    public static readonly FormatNode Kubernetes = Map(
        "The environment's cluster.",
        Field("context", Text("The kubeconfig context. Default: the kubeconfig's current context; --context overrides it.")),
        Field("namespace", Text("The default namespace of namespaced objects without metadata.namespace.")));

    public static readonly FormatNode Docker = Map(
        "The environment's Docker Engine.",
        Field("host", Text("The Docker Engine, for example unix:///var/run/docker.sock. Default: DOCKER_HOST, then unix:///var/run/docker.sock.")));

    public static readonly FormatNode Environment = Map(
        "One environment; the key is its name.",
        Field("values", Text("The environment's values file, relative to the project root, layered over spec.values.")),
        Field("kubernetes", Kubernetes),
        Field("docker", Docker),
        Field("state", StateSettingsFormat.Node)) with { Nullable = true };

    public static readonly FormatNode ModuleEntry = Map(
        "A module instance (docs/modules.md).",
        Field("name", Label("The instance name: unique in the project, a label value; it prefixes the addresses of the module's resources."), required: true),
        Field("source", Text("The folder that holds module.yaml, relative to the project folder."), required: true),
        Field("values", new FormatNode("The instance's inputs, checked against the module's spec.inputs.") { Type = "object" }),
        Field("environments", Texts("The environments the instance exists in. Default: all."))) with { Nullable = true };

    public static readonly FormatNode Spec = Map(
        "What the project holds.",
        Field("include", Texts("Globs of the resource files, relative to the project root. Default: manifests/**/*.yaml and manifests/**/*.yml.")),
        Field("values", Text("The base values file, relative to the project root.")),
        Field("environments", new FormatNode("One entry per environment, by name. When omitted or empty, the project has one environment, default.")
        {
            Type = "object",
            KeyPattern = NameRules.LabelValuePattern,
            KeyMaxLength = NameRules.MaxLength,
            Values = Environment,
        }),
        Field("state", StateSettingsFormat.Node),
        Field("modules", new FormatNode("Module instances.") { Type = "array", Items = ModuleEntry }));

    public static readonly FormatNode Metadata = new("The project's metadata.")
    {
        Type = "object",
        Fields = [new("name", Label("The project's name: a label on every object it owns and the key of its state."), Required: true)],
    };

    public static readonly FormatNode Document = Map(
        "declarative.yaml: a Declarative project (docs/project-format.md).",
        Field("apiVersion", new FormatNode("Always declarative.dev/v1.") { Const = WellKnown.ProjectApiVersion }, required: true),
        Field("kind", new FormatNode("Always Project.") { Const = WellKnown.ProjectKind }, required: true),
        Field("metadata", Metadata, required: true),
        Field("spec", Spec));

    public static FormatField Field(string name, FormatNode node, bool required = false) => new(name, node, required);

    public static FormatNode Text(string description) => new(description) { Type = "string" };

    public static FormatNode Texts(string description) => new(description) { Type = "array", Items = Text("a string") };

    public static FormatNode Label(string description) =>
        new(description) { Type = "string", Pattern = NameRules.LabelValuePattern, MaxLength = NameRules.MaxLength };

    /// <summary>A map that refuses fields it does not know.</summary>
    public static FormatNode Map(string description, params FormatField[] fields) =>
        new(description) { Type = "object", Closed = true, Fields = [.. fields] };
}
