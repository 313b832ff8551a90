using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Declarative.Core.Diagnostics;
using Declarative.Core.Durations;
using Declarative.Core.Providers;

namespace Declarative.Core.Manifests;

/// <summary>
/// Reads a <c>state</c> map of declarative.yaml (<c>spec.state</c> or <c>environments.E.state</c>) into
/// <see cref="StateSettings"/>. Unknown fields are DCL104 like everywhere in the file; an unknown backend, a field
/// the backend does not take, a bad namespace and a connection string written in the file are DCL504, located at the
/// value. A connection value is never repeated in a message: it may be a password.
/// </summary>
internal static partial class StateSettingsReader
{
    private static readonly string[] Fields = StateSettingsFormat.Node.FieldNames;

    /// <summary>The settings at <paramref name="pointer"/>, or null when the project does not write them. Problems
    /// are added to <paramref name="reader"/>; the result is then the best reading (unknown backend: local).</summary>
    public static StateSettings? Read(NodeReader reader, JsonObject root, string pointer)
    {
        var state = reader.Object(root, pointer);
        if (state is null)
        {
            return null;
        }

        reader.CheckFields(state, pointer, Fields);
        var backendText = reader.String(root, pointer + "/backend") ?? "local";
        if (!StateSettingsFormat.Backends.TryGetValue(backendText, out var backend))
        {
            reader.Add(Invalid(reader, pointer + "/backend", "Unknown state backend", $"The state backend \"{backendText}\" is not one Declarative knows.", "Use backend: local (the default), kubernetes or postgres."));
            return StateSettings.Local;
        }

        var ns = reader.String(root, pointer + "/namespace");
        var context = reader.String(root, pointer + "/context");
        var connectionText = reader.String(root, pointer + "/connection");
        var leaseText = reader.String(root, pointer + "/leaseDuration");
        foreach (var (field, owner) in StateSettingsFormat.Owners)
        {
            Refuse(reader, state, pointer, backendText, field, backend != owner, StateSettingsFormat.Word(owner));
        }

        var leaseDuration = backend == StateBackend.Kubernetes && leaseText is not null ? LeaseDuration(reader, pointer + "/leaseDuration", leaseText) : null;
        if (backend == StateBackend.Kubernetes && ns is not null && !IsNamespaceName(ns))
        {
            reader.Add(Invalid(
                reader,
                pointer + "/namespace",
                "Invalid state namespace",
                $"\"{ns}\" is not a valid namespace name: it must be 1 to 63 lower-case letters, digits or '-', starting and ending with a letter or digit.",
                $"Fix state.namespace, or leave it out for {StateSettings.DefaultNamespace}."));
        }

        if (backend == StateBackend.Kubernetes && context is { Length: 0 })
        {
            reader.Add(Invalid(reader, pointer + "/context", "Empty state context", "state.context is empty.", "Name a kubeconfig context, or leave state.context out to use the environment's."));
        }

        ConnectionReference? connection = null;
        if (backend == StateBackend.Postgres)
        {
            connection = connectionText is null
                ? Missing(reader, state, pointer)
                : Connection(reader, pointer + "/connection", connectionText);
        }

        return backend switch
        {
            StateBackend.Kubernetes => new StateSettings(backend, ns, string.IsNullOrEmpty(context) ? null : context, LeaseDuration: leaseDuration),
            StateBackend.Postgres => new StateSettings(backend, Connection: connection),
            _ => StateSettings.Local,
        };
    }

    private static void Refuse(NodeReader reader, JsonObject state, string pointer, string backend, string field, bool refused, string owner)
    {
        if (refused && state.ContainsKey(field))
        {
            reader.Add(Invalid(
                reader,
                JsonPointer.Append(pointer, field),
                $"state.{field} does not apply to backend {backend}",
                $"Only backend {owner} takes state.{field}.",
                $"Remove state.{field}, or set backend: {owner}."));
        }
    }

    /// <summary>A Lease counts whole seconds: anything under one second would expire before its first renewal.</summary>
    private static TimeSpan? LeaseDuration(NodeReader reader, string pointer, string text)
    {
        if (GoDuration.TryParse(text, out var duration) && duration >= TimeSpan.FromSeconds(1))
        {
            return duration;
        }

        reader.Add(Invalid(
            reader,
            pointer,
            "Invalid state lease duration",
            $"\"{text}\" is not a lease duration: it takes {GoDuration.Syntax}, at least 1s.",
            "Write leaseDuration: 60s (the default), or leave it out."));
        return null;
    }

    private static ConnectionReference? Missing(NodeReader reader, JsonObject state, string pointer)
    {
        if (!state.ContainsKey("connection"))
        {
            reader.Add(Invalid(
                reader,
                pointer + "/backend",
                "The postgres store needs a connection",
                "backend: postgres reads its connection string from an environment variable or a file, and state.connection names which.",
                "Add connection: env:DECLARATIVE_PG (or file:PATH, relative to the project root)."));
        }

        return null;
    }

    private static ConnectionReference? Connection(NodeReader reader, string pointer, string text)
    {
        var (source, name) = text.StartsWith(ConnectionReference.EnvironmentPrefix, StringComparison.Ordinal)
            ? (ConnectionSource.EnvironmentVariable, text[ConnectionReference.EnvironmentPrefix.Length..])
            : text.StartsWith(ConnectionReference.FilePrefix, StringComparison.Ordinal)
                ? (ConnectionSource.File, text[ConnectionReference.FilePrefix.Length..])
                : ((ConnectionSource?)null, string.Empty);
        if (source is null)
        {
            reader.Add(Invalid(
                reader,
                pointer,
                "A connection string cannot be written in the project",
                "state.connection must say where the connection string is read from, env:VARIABLE or file:PATH; a connection string written in declarative.yaml would put its password in the repository with the project.",
                "Move the connection string into an environment variable (connection: env:DECLARATIVE_PG) or a file outside version control (connection: file:PATH), and rotate the password if this file was ever committed."));
            return null;
        }

        if (source == ConnectionSource.EnvironmentVariable && !VariableName().IsMatch(name))
        {
            reader.Add(Invalid(reader, pointer, "Invalid connection variable", $"\"{name}\" is not an environment variable name (letters, digits and '_', not starting with a digit).", "Write connection: env:NAME, for example env:DECLARATIVE_PG."));
            return null;
        }

        if (source == ConnectionSource.File && name.Trim().Length == 0)
        {
            reader.Add(Invalid(reader, pointer, "Invalid connection file", "connection: file: names no file.", "Write connection: file:PATH, relative to the project root."));
            return null;
        }

        return new ConnectionReference(source.Value, name);
    }

    private static Diagnostic Invalid(NodeReader reader, string pointer, string summary, string problem, string fix) =>
        Diagnostic.Error(DiagnosticCodes.InvalidStateSettings, summary, reader.Source.Locate(pointer), problem, fix);

    private static bool IsNamespaceName(string name) => name.Length <= StateSettingsFormat.NamespaceMaxLength && NamespaceName().IsMatch(name);

    [GeneratedRegex("^" + StateSettingsFormat.NamespacePattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex NamespaceName();

    [GeneratedRegex("^" + StateSettingsFormat.VariablePattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex VariableName();
}
