using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Declarative.Core.Durations;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Cli.Commands;

/// <summary>
/// The edit of declarative.yaml that moves an environment to another store once <c>decl state migrate</c> has copied
/// its history: which key to change (the environment's own <c>state</c>, <c>spec.state</c> when the project has one
/// environment, else a new <c>state</c> for this environment only, which replaces <c>spec.state</c> for it), where
/// it is (file and line), and the YAML to write. decl never edits the file itself: the switch is the user's, reviewed
/// and committed like any other change to the project.
/// </summary>
internal sealed partial record StateSwitch(string Instruction, string Snippet)
{
    public static StateSwitch For(ProjectDefinition project, string environment, StateSettings target, string workingDirectory)
    {
        var file = project.Source is { } source ? Shown(source.File, workingDirectory) : "declarative.yaml";
        var keys = project.Source?.KeyPositions;
        var environmentPointer = JsonPointer.Append("/spec/environments", environment);
        var value = Flow(target);
        var forEnvironment = $"spec:\n  environments:\n    {environment}:\n      state: {value}\n";
        if (keys is not null && keys.TryGetValue(environmentPointer + "/state", out var own))
        {
            return new($"replace environments.{environment}.state ({file}, line {Line(own)}) with", forEnvironment);
        }

        if (project.Environments.Count == 1)
        {
            var forAll = $"spec:\n  state: {value}\n";
            return keys is not null && keys.TryGetValue("/spec/state", out var shared)
                ? new($"replace spec.state ({file}, line {Line(shared)}) with", forAll)
                : new($"add state under spec ({file})", forAll);
        }

        // Other environments keep spec.state: this one gets a state of its own, which replaces it whole.
        var at = keys is not null && keys.TryGetValue(environmentPointer, out var entry) ? $", line {Line(entry)}" : string.Empty;
        return new($"add state to environments.{environment} ({file}{at}; it replaces spec.state for this environment only)", forEnvironment);
    }

    /// <summary>The settings as a YAML flow map: <c>{ backend: kubernetes, namespace: declarative-system }</c>.</summary>
    public static string Flow(StateSettings settings)
    {
        var fields = new List<string> { $"backend: {settings.Backend.ToString().ToLowerInvariant()}" };
        if (settings.Backend == StateBackend.Kubernetes)
        {
            fields.Add($"namespace: {Scalar(settings.KubernetesNamespace)}");
            if (settings.Context is { } context)
            {
                fields.Add($"context: {Scalar(context)}");
            }

            if (settings.LeaseDuration is { } lease)
            {
                fields.Add($"leaseDuration: {Scalar(GoDuration.Format(lease))}");
            }
        }

        if (settings.Connection is { } connection)
        {
            fields.Add($"connection: {Scalar(connection.ToString())}");
        }

        return $"{{ {string.Join(", ", fields)} }}";
    }

    /// <summary>A plain scalar when YAML reads it back as the same string, else a double-quoted one.</summary>
    private static string Scalar(string text)
    {
        if (PlainScalar().IsMatch(text) && !TypedScalar().IsMatch(text))
        {
            return text;
        }

        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    private static string Line(SourcePosition position) => position.Line.ToString(CultureInfo.InvariantCulture);

    private static string Shown(string path, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, path).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainScalar();

    /// <summary>Plain scalars YAML 1.1 reads as something other than a string (kubectl's reading: yes, off, 0x1F, 1e3).</summary>
    [GeneratedRegex("^(y|n|yes|no|on|off|true|false|null|[-+]?[0-9][0-9_]*(\\.[0-9_]*)?(e[-+]?[0-9]+)?|0x[0-9a-f_]+|0o?[0-7_]+|\\.inf|\\.nan)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TypedScalar();
}
