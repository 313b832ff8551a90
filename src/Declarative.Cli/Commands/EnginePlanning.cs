using System.CommandLine;
using Declarative.Core.Operations;
using Declarative.Core.Planning;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Cli.Commands;

/// <summary>Loads the environment, opens its session and plans: shared by plan and apply.</summary>
internal static class EnginePlanning
{
    public static async Task<Plan?> PlanAsync(CliServices services, ParseResult result, string directory, bool adopt, bool noForce, bool createKey, CancellationToken cancellationToken)
    {
        var model = EnvironmentModelReader.Read(services, result, directory);
        if (model is null)
        {
            return null;
        }

        var (session, problems) = await EngineSession.OpenAsync(services, result, model, createKey, noForce, cancellationToken);
        using (session)
        {
            if (services.ReportErrors(result, problems))
            {
                return null;
            }

            return await PlanAsync(services, result, session!, adopt, cancellationToken);
        }
    }

    public static async Task<Plan?> PlanAsync(CliServices services, ParseResult result, EngineSession session, bool adopt, CancellationToken cancellationToken)
    {
        try
        {
            var planner = new Planner(session.Providers, services.Catalogs);
            var planned = await new PlanOperation(planner, session.Store).RunAsync(session.Model, session.Target, adopt, cancellationToken);
            return services.ReportErrors(result, planned.Diagnostics) ? null : planned.Value;
        }
        catch (KubeApiException error)
        {
            services.ReportErrors(result, [Core.Diagnostics.Diagnostic.Error(Core.Diagnostics.DiagnosticCodes.PlanFailed, "Planning failed", null, error.Message, "Fix the cause above and run decl plan again.")]);
            return null;
        }
    }
}
