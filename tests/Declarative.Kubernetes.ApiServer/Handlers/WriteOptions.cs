using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>The query parameters every write shares (reference 3.7).</summary>
internal sealed record WriteOptions(bool DryRun, string Manager)
{
    private const int MaxManagerLength = 128;

    /// <summary><paramref name="optionsKind"/> names the options type in errors: CreateOptions, UpdateOptions, PatchOptions.</summary>
    public static WriteOptions From(RequestScope scope, string optionsKind)
    {
        var dryRun = ParseDryRun(scope.Context.Request.Query["dryRun"].Select(v => v ?? string.Empty).ToList(), optionsKind);
        var manager = scope.Query("fieldManager");
        if (manager is not null && (manager.Length > MaxManagerLength || manager.Any(char.IsControl)))
        {
            throw OptionErrors.Invalid(optionsKind, new StatusCause("FieldValueTooLong", $"Too long: may not be more than {MaxManagerLength} bytes", "fieldManager"));
        }

        return new WriteOptions(dryRun, manager ?? ManagerFromUserAgent(scope.Context.Request.Headers.UserAgent.ToString()));
    }

    public static bool ParseDryRun(IReadOnlyList<string> values, string optionsKind)
    {
        if (values.Count == 0)
        {
            return false;
        }

        if (values.All(v => v == "All"))
        {
            return true;
        }

        var rendered = "[" + string.Join(",", values.Select(v => $"\"{v}\"")) + "]";
        throw OptionErrors.Invalid(optionsKind, OptionErrors.NotSupported("dryRun", rendered, "All"));
    }

    /// <summary>apiserver prefixFromUserAgent: "kubectl/v1.32.0 (linux/amd64)" gives "kubectl".</summary>
    public static string ManagerFromUserAgent(string userAgent)
    {
        var slash = userAgent.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash < 0 ? userAgent : userAgent[..slash];
        return prefix.Length > MaxManagerLength ? prefix[..MaxManagerLength] : prefix;
    }
}
