using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>apimachinery's ValidateListOptions for list and watch requests (reference 3.2 and 8).</summary>
internal static class ListOptionsValidation
{
    private const string NotOlderThan = "NotOlderThan";
    private const string Exact = "Exact";

    public static void Validate(RequestScope scope, bool watch)
    {
        var match = scope.Query("resourceVersionMatch") ?? string.Empty;
        var resourceVersion = scope.Query("resourceVersion") ?? string.Empty;
        var continueToken = scope.Query("continue") ?? string.Empty;
        var sendInitialEvents = scope.Query("sendInitialEvents");
        var causes = watch ? WatchCauses(match, sendInitialEvents, continueToken) : ListCauses(match, resourceVersion, continueToken, sendInitialEvents);
        if (causes.Count > 0)
        {
            throw OptionErrors.Invalid("ListOptions", [.. causes]);
        }

        if (!watch && continueToken.Length > 0 && resourceVersion.Length > 0 && resourceVersion != "0")
        {
            throw StatusFactory.BadRequest("specifying resource version is not allowed when using continue");
        }
    }

    private static List<StatusCause> ListCauses(string match, string resourceVersion, string continueToken, string? sendInitialEvents)
    {
        var causes = new List<StatusCause>();
        if (match.Length > 0)
        {
            if (resourceVersion.Length == 0)
            {
                causes.Add(OptionErrors.Forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided"));
            }

            if (continueToken.Length > 0)
            {
                causes.Add(OptionErrors.Forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"));
            }

            if (match is not (Exact or NotOlderThan))
            {
                causes.Add(OptionErrors.NotSupported("resourceVersionMatch", $"\"{match}\"", Exact, NotOlderThan, string.Empty));
            }

            if (match == Exact && resourceVersion == "0")
            {
                causes.Add(OptionErrors.Forbidden("resourceVersionMatch", "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""));
            }
        }

        if (sendInitialEvents is not null)
        {
            causes.Add(OptionErrors.Forbidden("sendInitialEvents", "sendInitialEvents is forbidden for list"));
        }

        return causes;
    }

    /// <summary>The double has no watch-list (the WatchList feature off), so clients fall back to list then watch.</summary>
    private static List<StatusCause> WatchCauses(string match, string? sendInitialEvents, string continueToken)
    {
        var causes = new List<StatusCause>();
        if (sendInitialEvents is not null)
        {
            if (match != NotOlderThan)
            {
                causes.Add(OptionErrors.Forbidden("resourceVersionMatch", $"sendInitialEvents requires setting resourceVersionMatch to {NotOlderThan}"));
            }

            causes.Add(OptionErrors.Forbidden("sendInitialEvents", "sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled"));
        }

        if (match.Length > 0)
        {
            if (sendInitialEvents is null)
            {
                causes.Add(OptionErrors.Forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"));
            }

            if (match != NotOlderThan)
            {
                causes.Add(OptionErrors.NotSupported("resourceVersionMatch", $"\"{match}\"", NotOlderThan));
            }

            if (continueToken.Length > 0)
            {
                causes.Add(OptionErrors.Forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"));
            }
        }

        return causes;
    }
}
