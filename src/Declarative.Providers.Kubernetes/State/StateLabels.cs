using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Core.Manifests;

namespace Declarative.Providers.Kubernetes.State;

/// <summary>
/// The labels and annotations of the store's objects. Every object carries <see cref="Record"/> (what it is: a
/// revision head, a payload part, a journal batch, the lock), the project, the environment and, but for the lock,
/// the revision number, so one LIST with a label selector finds an environment's history or one revision of it.
/// The objects deliberately lack <c>app.kubernetes.io/managed-by: declarative</c>: they are never mistaken for
/// objects a project owns (drift would report them as unmanaged).
/// </summary>
internal static class StateLabels
{
    public const string Record = "declarative.dev/state";
    public const string Revision = "declarative.dev/revision";
    public const string Status = "declarative.dev/status";
    public const string Generation = "declarative.dev/generation";
    public const string Part = "declarative.dev/part";
    public const string Sequence = "declarative.dev/sequence";

    /// <summary>Annotation: how many parts the payload has.</summary>
    public const string Parts = "declarative.dev/parts";

    /// <summary>Annotation: <c>sha256:&lt;hex&gt;</c> of the whole compressed payload.</summary>
    public const string Checksum = "declarative.dev/checksum";

    public const string HeadRecord = "revision";
    public const string PartRecord = "part";
    public const string JournalRecord = "journal";
    public const string LockRecord = "lock";

    public const string RevisionType = "declarative.dev/revision.v1";
    public const string JournalType = "declarative.dev/journal.v1";

    public static string Environment(string project, string environment) =>
        $"{Record},{WellKnown.ProjectLabel}={project},{WellKnown.EnvironmentLabel}={environment}";

    public static string Heads(string project, string environment) =>
        $"{Record}={HeadRecord},{WellKnown.ProjectLabel}={project},{WellKnown.EnvironmentLabel}={environment}";

    public static string OfRevision(string project, string environment, int revision) =>
        $"{Environment(project, environment)},{Revision}={Number(revision)}";

    public static JsonObject Common(string record, string project, string environment) => new()
    {
        [Record] = record,
        [WellKnown.ProjectLabel] = project,
        [WellKnown.EnvironmentLabel] = environment,
    };

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string? Label(JsonObject item, string key) => Text(item["metadata"]?["labels"]?[key]);

    public static string? Annotation(JsonObject item, string key) => Text(item["metadata"]?["annotations"]?[key]);

    public static int? IntLabel(JsonObject item, string key) => Parse(Label(item, key));

    public static int? IntAnnotation(JsonObject item, string key) => Parse(Annotation(item, key));

    public static string Name(JsonObject item) => Text(item["metadata"]?["name"]) ?? "(unnamed)";

    public static string? ResourceVersion(JsonObject item) => Text(item["metadata"]?["resourceVersion"]);

    private static int? Parse(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
