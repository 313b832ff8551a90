using System.Text.Json.Nodes;

namespace Declarative.Core.Templating;

/// <summary>
/// What a template sees: <c>values</c>, <c>env.name</c>, <c>project.name</c>, <c>module.name</c> (null outside a
/// module), and the process environment for the <c>envVar</c> helper (injected, so tests need no real variables).
/// </summary>
public sealed record TemplateContext(
    JsonObject Values,
    string EnvironmentName,
    string ProjectName,
    string? ModuleName,
    IReadOnlyDictionary<string, string> EnvironmentVariables);
