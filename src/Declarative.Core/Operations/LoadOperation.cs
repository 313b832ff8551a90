using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Graph;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Core.Templating;

namespace Declarative.Core.Operations;

/// <summary>
/// The offline front half of every command: project folder -> documents -> resources -> checked graph.
/// The Cli composes it with the providers' kind catalogs and the kubeconfig lookup of a context's namespace
/// (Core reads no kubeconfig).
/// </summary>
public sealed class LoadOperation(
    IReadOnlyList<IKindCatalog> catalogs,
    IReadOnlyDictionary<string, string> environmentVariables,
    Func<EnvironmentDefinition, string?>? contextNamespace = null)
{
    private readonly TemplateRenderer _renderer = new();

    public StageResult<ProjectDefinition?> LocateProject(LoadRequest request) =>
        ProjectLocator.Locate(Path.GetFullPath(Path.Combine(request.WorkingDirectory, request.Directory)), request.ProjectName);

    /// <summary>Loads the environment named by the request (or the only one). Value is null when the stages
    /// could not get as far as a graph.</summary>
    public StageResult<EnvironmentModel?> Load(ProjectDefinition project, LoadRequest request)
    {
        var selected = EnvironmentSelector.Select(project, request.Environment);
        return selected.Value is null ? new(null, selected.Diagnostics) : Load(project, selected.Value, request);
    }

    public StageResult<EnvironmentModel?> Load(ProjectDefinition project, EnvironmentDefinition environment, LoadRequest request)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = new EnvironmentLoader(_renderer, environmentVariables).Load(project, environment, request);
        diagnostics.AddRange(loaded.Diagnostics);
        if (loaded.Value is null)
        {
            return new(null, diagnostics.ToImmutable());
        }

        // DESIGN: the environment's namespace, then the kubeconfig context's, then "default".
        var defaultNamespace = environment.Kubernetes?.Namespace ?? contextNamespace?.Invoke(environment) ?? "default";
        var context = new CatalogContext(loaded.Value.Documents, defaultNamespace);
        var resources = ResourceResolver.Resolve(loaded.Value.Documents, catalogs, context);
        diagnostics.AddRange(resources.Diagnostics);
        if (diagnostics.HasErrors)
        {
            // A document that failed to load or validate is missing from the resources, and every reference to it
            // would be reported again as missing: the graph waits until the documents are sound.
            return new(null, diagnostics.ToImmutable());
        }

        var graph = ResourceGraphBuilder.Build(resources.Value, catalogs, context, loaded.Value.Excluded, reportMisspeltSchemes: !project.IsImplicit);
        diagnostics.AddRange(graph.Diagnostics);
        return new(new EnvironmentModel(loaded.Value, defaultNamespace, resources.Value, graph.Value), diagnostics.ToImmutable());
    }

    /// <summary>Checks every environment (or the one requested); a problem in a shared file is reported once.</summary>
    public StageResult<ImmutableArray<EnvironmentModel>> Validate(LoadRequest request)
    {
        var located = LocateProject(request);
        if (located.Value is null || located.HasErrors)
        {
            return new([], located.Diagnostics);
        }

        var project = located.Value;
        IEnumerable<EnvironmentDefinition> environments;
        if (request.Environment is null)
        {
            environments = project.Environments.Values;
        }
        else
        {
            var selected = EnvironmentSelector.Select(project, request.Environment);
            if (selected.Value is null)
            {
                return new([], selected.Diagnostics);
            }

            environments = [selected.Value];
        }

        var models = ImmutableArray.CreateBuilder<EnvironmentModel>();
        var diagnostics = new List<Diagnostic>(located.Diagnostics);
        foreach (var environment in environments)
        {
            var model = Load(project, environment, request);
            diagnostics.AddRange(model.Diagnostics);
            if (model.Value is not null)
            {
                models.Add(model.Value);
            }
        }

        return new(models.ToImmutable(), [.. diagnostics.Distinct()]);
    }
}
