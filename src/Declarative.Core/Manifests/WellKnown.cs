namespace Declarative.Core.Manifests;

/// <summary>Annotation and label names of the product contract (DESIGN.md).</summary>
public static class WellKnown
{
    public const string ProjectApiVersion = "declarative.dev/v1";
    public const string ProjectKind = "Project";
    public const string ProjectFileName = "declarative.yaml";
    public const string ModuleKind = "Module";
    public const string ModuleFileName = "module.yaml";
    public const string ImplicitEnvironment = "default";

    public const string EnvironmentsAnnotation = "declarative.dev/environments";
    public const string DependsOnAnnotation = "declarative.dev/depends-on";
    public const string IgnoreFieldsAnnotation = "declarative.dev/ignore-fields";
    public const string WaitAnnotation = "declarative.dev/wait";
    public const string PruneAnnotation = "declarative.dev/prune";
    public const string DeleteProtectionAnnotation = "declarative.dev/delete-protection";

    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "declarative";
    public const string ProjectLabel = "declarative.dev/project";
    public const string EnvironmentLabel = "declarative.dev/environment";
}
