using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using Declarative.Core.Manifests;
using Declarative.Providers.Kubernetes.Config;

namespace Declarative.Cli;

/// <summary>The options every command accepts (DESIGN "Command line"), declared once on the root command.</summary>
public sealed class CommonOptions
{
    /// <summary>HelpName: help would otherwise list the completions (the environments of the current folder).</summary>
    public Option<string?> Environment { get; } = new("--env", "-e") { Description = "The environment (may be left out when the project has one).", Recursive = true, HelpName = "env" };

    public Option<string[]> Set { get; } = new("--set") { Description = "Set a value: a.b=c, c read as a YAML scalar. Repeatable; later wins.", Recursive = true };

    public Option<string[]> SetString { get; } = new("--set-string") { Description = "Set a value as a string: a.b=c. Repeatable; later wins.", Recursive = true };

    public Option<string[]> Values { get; } = new("--values", "-f") { Description = "A values file layered over the environment's. Repeatable, in order.", Recursive = true };

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Path to the kubeconfig file.", Recursive = true };

    public Option<string?> Context { get; } = new("--context") { Description = "The kubeconfig context to use.", Recursive = true };

    public Option<string?> As { get; } = new("--as") { Description = "Username to impersonate on the cluster (as kubectl --as).", Recursive = true };

    public Option<string[]> AsGroup { get; } = new("--as-group") { Description = "Group to impersonate on the cluster, with --as (one group).", Recursive = true };

    public Option<string?> AsUid { get; } = new("--as-uid") { Description = "UID to impersonate on the cluster, with --as.", Recursive = true };

    public Option<string?> Project { get; } = new("--project") { Description = "The project name for a folder of plain manifests.", Recursive = true };

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "Do not colour the output (NO_COLOR does the same).", Recursive = true };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Show more detail (ignored dependencies, stack traces).", Recursive = true };

    public IEnumerable<Option> All => [Environment, Set, SetString, Values, Kubeconfig, Context, As, AsGroup, AsUid, Project, NoColor, Verbose];

    public static Argument<string> DirectoryArgument() => new("DIR")
    {
        Description = "The project folder (default: the current folder).",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => ".",
    };

    public LoadRequest ToLoadRequest(ParseResult result, string directory, string workingDirectory) => new(
        directory,
        workingDirectory,
        result.GetValue(Environment),
        [.. result.GetValue(Values) ?? []],
        Overrides(result),
        result.GetValue(Project));

    /// <summary>--as, --as-group and --as-uid, or null when none is given.</summary>
    public KubeImpersonationOverrides? Impersonation(ParseResult result)
    {
        var overrides = new KubeImpersonationOverrides(result.GetValue(As), [.. result.GetValue(AsGroup) ?? []], result.GetValue(AsUid));
        return overrides.IsEmpty ? null : overrides;
    }

    /// <summary>--set and --set-string in command-line order, so that the later one wins whatever its kind.</summary>
    private static ImmutableArray<ValueOverride> Overrides(ParseResult result)
    {
        var overrides = ImmutableArray.CreateBuilder<ValueOverride>();
        string? pendingOption = null;
        foreach (var token in result.Tokens)
        {
            if (token.Type == TokenType.Option)
            {
                pendingOption = token.Value;
            }
            else if (token.Type == TokenType.Argument && pendingOption is "--set" or "--set-string")
            {
                overrides.Add(new ValueOverride(token.Value, pendingOption == "--set-string"));
                pendingOption = null;
            }
            else
            {
                pendingOption = null;
            }
        }

        return overrides.ToImmutable();
    }
}
