using System.CommandLine;
using Declarative.Core.Operations;
using Declarative.Core.Planning;
using Declarative.Core.State;

namespace Declarative.Cli.Commands;

/// <summary>Plans one open session, turning provider errors into diagnostics: shared by plan and apply.</summary>
internal static class EnginePlanning
{
    /// <param name="unlocked">The run takes no lock (decl plan), so the revision read when the session opened is still
    /// the base; under a lock the base is read again.</param>
    public static async Task<Plan?> PlanAsync(CliServices services, ParseResult result, EngineSession session, bool adopt, CancellationToken cancellationToken, Revision? pinnedTo = null, bool force = false, bool allowCascade = false, bool unlocked = false)
    {
        try
        {
            var planner = new Planner(session.Providers, services.Catalogs);
            var planned = await new PlanOperation(planner, session.Store).RunAsync(session.Model, session.Target, adopt, cancellationToken, pinnedTo, force, allowCascade, unlocked ? session.LatestAtOpen : null);
            return services.ReportErrors(result, planned.Diagnostics) ? null : planned.Value;
        }
        catch (Exception error) when (ProviderErrors.IsUserFacing(error))
        {
            services.ReportErrors(result, [Core.Diagnostics.Diagnostic.Error(Core.Diagnostics.DiagnosticCodes.PlanFailed, "Planning failed", null, error.Message, "Fix the cause above and run decl plan again.")]);
            return null;
        }
    }
}
