using System.Collections.Immutable;
using Declarative.Providers.Docker.Catalog.Schema;
using Declarative.Providers.Docker.Catalog.Syntax;
using static Declarative.Providers.Docker.Catalog.Schema.Shapes;

namespace Declarative.Providers.Docker.Catalog;

/// <summary>
/// Schema v1 of the Docker kinds (docs/docker-kinds.md is its user-facing twin). One line per field:
/// name, shape, syntax rule. A null value counts as an absent field.
/// </summary>
internal static class DockerSchemas
{
    private static readonly Shape Credential = new OneOfShape(
        [
            String(ValueRules.NonEmpty),
            new ObjectShape([Field("fromEnv", String(ValueRules.VariableName)), Field("fromFile", String(ValueRules.NonEmpty))])
            {
                ExactlyOneOf = ["fromEnv", "fromFile"],
            },
        ],
        "a string, {fromEnv: VAR} or {fromFile: PATH}");

    private static readonly ObjectShape Healthcheck = Object(
        Field("test", StringOrList(ValueRules.NonEmpty, ValueRules.HealthcheckCommand)),
        Field("interval", String(ValueRules.Duration)),
        Field("timeout", String(ValueRules.Duration)),
        Field("startPeriod", String(ValueRules.Duration)),
        Field("retries", Number(ValueRules.NonNegativeInteger)));

    private static readonly ImmutableDictionary<string, ObjectShape> Specs = new Dictionary<string, ObjectShape>(StringComparer.Ordinal)
    {
        [DockerKinds.Registry] = new ObjectShape([
            Required("server", String(ValueRules.Server)),
            Field("username", Credential),
            Field("password", Credential),
            Field("insecure", TrueOrFalse),
        ]) { Needs = Pairs(("username", "password"), ("password", "username")) },
        [DockerKinds.Image] = new ObjectShape([
            Required("context", String(ValueRules.NonEmpty)),
            Field("dockerfile", String(ValueRules.NonEmpty)),
            Field("target", String(ValueRules.Stage)),
            Field("buildArgs", ScalarMap(ValueRules.VariableName)),
            Field("platform", String(ValueRules.BuildPlatform)),
            Field("labels", StringMap(ValueRules.NonEmpty)),
            Field("repository", String(ValueRules.Repository)),
            Field("registry", String(ValueRules.ObjectName)),
        ]) { Needs = Pairs(("registry", "repository")) },
        [DockerKinds.Container] = Object(
            Required("image", String(ValueRules.Image)),
            Field("command", StringOrList(ValueRules.NonEmpty)),
            Field("entrypoint", StringOrList(ValueRules.NonEmpty)),
            Field("env", ScalarMap(ValueRules.VariableName)),
            Field("ports", StringList(ValueRules.Port)),
            Field("volumes", StringList(ValueRules.Volume)),
            Field("restart", String(ValueRules.Restart)),
            Field("networks", StringList(ValueRules.ObjectName)),
            Field("labels", StringMap(ValueRules.NonEmpty)),
            Field("user", String(ValueRules.User)),
            Field("workdir", String(ValueRules.AbsolutePath)),
            Field("healthcheck", Healthcheck),
            Field("stopTimeout", Number(ValueRules.NonNegativeInteger))),
        [DockerKinds.Volume] = Object(
            Field("driver", String(ValueRules.NonEmpty)),
            Field("driverOpts", StringMap(ValueRules.NonEmpty)),
            Field("labels", StringMap(ValueRules.NonEmpty))),
        [DockerKinds.Network] = Object(
            Field("driver", String(ValueRules.NonEmpty)),
            Field("internal", TrueOrFalse),
            Field("subnet", String(ValueRules.Subnet)),
            Field("labels", StringMap(ValueRules.NonEmpty))),
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public static readonly ObjectShape Metadata = new([
        Field("name", String(ValueRules.ObjectName)),
        Field("annotations", StringMap(ValueRules.NonEmpty)),
    ])
    {
        Hints = Pairs(
            ("namespace", "Docker objects have no namespace: remove metadata.namespace."),
            ("labels", "Declarative puts the labels of a Docker object in spec.labels: move them there."),
            ("generateName", "Docker objects need a fixed name to be tracked: use metadata.name instead.")),
    };

    // Declared after Metadata: static fields initialize in textual order.
    private static readonly ImmutableDictionary<string, ObjectShape> Documents =
        Specs.ToImmutableDictionary(pair => pair.Key, pair => WholeDocument(pair.Value), StringComparer.Ordinal);

    /// <summary>The spec shape of a known kind, null for an unknown one.</summary>
    public static ObjectShape? Spec(string kind) => Specs.GetValueOrDefault(kind);

    /// <summary>The whole document of a known kind (apiVersion, kind, metadata, spec), null for an unknown one.</summary>
    public static ObjectShape? Document(string kind) => Documents.GetValueOrDefault(kind);

    private static ObjectShape WholeDocument(ObjectShape spec) => Object(
        Field("apiVersion", String()),
        Field("kind", String()),
        Field("metadata", Metadata),
        Field("spec", spec));
}
