using Declarative.Core.Operations;
using Declarative.Core.State;

namespace Declarative.Cli;

/// <summary>Who runs decl, from where: the lock record and the revision's metadata.</summary>
internal static class RunInfo
{
    public static string Version => typeof(RunInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static string User(IOContext io) =>
        io.EnvironmentVariables.TryGetValue("USER", out var user) && user.Length > 0 ? user
        : io.EnvironmentVariables.TryGetValue("USERNAME", out var name) && name.Length > 0 ? name
        : Environment.UserName;

    public static LockRecord Holder(IOContext io, string command) =>
        new(User(io), Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow, command);

    public static RevisionStart Start(IOContext io, EnvironmentModel model, RevisionOperation operation, int? rollbackOf = null) =>
        new(operation, User(io), GitCommit.Of(model.Project.Root), Version, $"decl {operation.ToString().ToLowerInvariant()} --env {model.Environment.Name}", rollbackOf);
}
