namespace Declarative.Core.Diagnostics;

/// <summary>
/// Stable diagnostic codes. DCL1xx manifests and templating, DCL2xx graph, DCL3xx plan,
/// DCL4xx apply and providers, DCL5xx state. docs/diagnostics.md has one entry per code.
/// A code, once shipped, keeps its meaning.
/// </summary>
public static class DiagnosticCodes
{
    // Manifests: files, YAML, project document, values.
    public const string YamlSyntax = "DCL101";
    public const string NotAnObject = "DCL102";
    public const string MissingTypeOrName = "DCL103";
    public const string InvalidProjectDocument = "DCL104";
    public const string InvalidName = "DCL105";
    public const string IncludeMatchedNothing = "DCL106";
    public const string UnknownEnvironment = "DCL107";
    public const string InvalidValues = "DCL108";
    public const string FileUnreadable = "DCL109";

    // Templating.
    public const string TemplateSyntax = "DCL110";
    public const string UndefinedValue = "DCL111";
    public const string RequiredValueMissing = "DCL112";
    public const string TemplateHelperFailed = "DCL113";

    // Modules.
    public const string InvalidModule = "DCL114";
    public const string InvalidModuleInput = "DCL115";

    // Kind schemas (catalogs).
    public const string UnknownField = "DCL120";
    public const string MissingField = "DCL121";
    public const string WrongType = "DCL122";
    public const string InvalidValue = "DCL123";

    // Resource identity.
    public const string DuplicateAddress = "DCL130";
    public const string GenerateNameWithoutName = "DCL131";
    public const string UnknownKind = "DCL132";

    // Graph.
    public const string DependencyCycle = "DCL201";
    public const string MissingReferenceTarget = "DCL202";
    public const string AmbiguousReference = "DCL203";
    public const string InvalidDependsOn = "DCL204";
    public const string ReferenceToExcludedResource = "DCL205";
    public const string UnknownReferenceScheme = "DCL206";

    // Plan.
    public const string ForeignObject = "DCL301";
    public const string ProviderUnavailable = "DCL302";
    public const string PlanFailed = "DCL303";
    public const string SavedPlanStale = "DCL304";
    public const string DeleteProtected = "DCL305";
    public const string DeleteCascades = "DCL306";
    public const string ResourceRefused = "DCL307";

    // Apply and providers.
    public const string ApplyFailed = "DCL401";
    public const string ProviderConfiguration = "DCL402";

    // State.
    public const string StateLocked = "DCL501";
    public const string StateUnreadable = "DCL502";
    public const string StateKeyProblem = "DCL503";
    public const string InvalidStateSettings = "DCL504";
    public const string StateStoreUnavailable = "DCL505";
    public const string StateMigrationRefused = "DCL506";
}
