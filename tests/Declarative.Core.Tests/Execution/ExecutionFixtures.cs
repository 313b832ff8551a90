using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Core.State;
using Declarative.Testing.Fakes;

namespace Declarative.Core.Tests.Execution;

/// <summary>Addresses, objects and hand-built plan changes for the executor tests (provider "fake").</summary>
internal static class ExecutionFixtures
{
    public const string ProviderName = "fake";
    public const string ImagePointer = "/spec/template/spec/containers/0/image";

    public static readonly TargetIdentity Target = new("https://api.test", "test", "default", null);
    public static readonly ResourceAddress Namespace = new(string.Empty, string.Empty, "Namespace", null, "shop");

    public static ResourceAddress ConfigMap(string name) => new(string.Empty, string.Empty, "ConfigMap", "shop", name);

    public static ResourceAddress Deployment(string name) => new(string.Empty, "apps", "Deployment", "shop", name);

    public static ResourceAddress Image(string name) => new(string.Empty, "declarative.dev", "Image", null, name);

    public static ResourceType TypeOf(ResourceAddress address) =>
        new(address.Group.Length == 0 ? "v1" : $"{address.Group}/v1", address.Kind);

    public static JsonObject ObjectOf(ResourceAddress address, string? image = null)
    {
        var obj = new JsonObject
        {
            ["apiVersion"] = TypeOf(address).ApiVersion,
            ["kind"] = address.Kind,
            ["metadata"] = new JsonObject { ["name"] = address.Name },
        };
        if (image is not null)
        {
            var container = new JsonObject { ["name"] = "web", ["image"] = image };
            obj["spec"] = new JsonObject { ["template"] = new JsonObject { ["spec"] = new JsonObject { ["containers"] = new JsonArray(container) } } };
        }

        return obj;
    }

    public static ResourceChange Create(ResourceAddress address, params ResourceAddress[] dependsOn) =>
        Change(address, ChangeAction.Create, Desired(address, ObjectOf(address)), null, null, dependsOn);

    public static ResourceChange Update(ResourceAddress address, AppliedResource lastApplied, params ResourceAddress[] dependsOn) =>
        Change(address, ChangeAction.Update, Desired(address, ObjectOf(address)), Live(address), lastApplied, dependsOn);

    public static ResourceChange NoOp(ResourceAddress address, AppliedResource? lastApplied, params ResourceAddress[] dependsOn) =>
        Change(address, ChangeAction.NoOp, Desired(address, ObjectOf(address)), Live(address), lastApplied, dependsOn);

    public static ResourceChange Delete(ResourceAddress address, params ResourceAddress[] deleteFirst) =>
        Change(address, ChangeAction.Delete, null, Live(address), AppliedOf(address), deleteFirst);

    /// <summary>A Deployment whose container image is <c>${image:NAME}</c>, known only once the Image is applied.</summary>
    public static ResourceChange CreateUsingImage(ResourceAddress deployment, ResourceAddress image)
    {
        var template = $"${{image:{image.Name}}}";
        var unknown = new UnknownValue(ImagePointer, template, [new Unknown("image", image.Name, image, "reference")]);
        var desired = Desired(deployment, ObjectOf(deployment, template)) with { Unknowns = [unknown] };
        return Change(deployment, ChangeAction.Create, desired, null, null, [image]);
    }

    public static Plan PlanOf(params ResourceChange[] changes) => new("shop", "prod", null, Target, [.. changes], []);

    public static AppliedResource AppliedOf(ResourceAddress address, ResourceOutputs? outputs = null)
    {
        var obj = ObjectOf(address);
        return new AppliedResource(address, TypeOf(address), obj, outputs ?? ResourceOutputs.Empty, FakeFingerprint.Of(obj));
    }

    public static LiveResource Live(ResourceAddress address)
    {
        var obj = ObjectOf(address);
        return new LiveResource(address, TypeOf(address), obj, FakeFingerprint.Of(obj));
    }

    public static ResourceOutputs Reference(string reference) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("reference", reference)]));

    private static DesiredResource Desired(ResourceAddress address, JsonObject obj) => new(address, TypeOf(address), obj, [], [], []);

    private static ResourceChange Change(
        ResourceAddress address, ChangeAction action, DesiredResource? desired, LiveResource? live, AppliedResource? lastApplied, ResourceAddress[] dependsOn) =>
        new(new PlannedChange(address, action, [], [], null, [], [], desired, live), ProviderName, [.. dependsOn], [], lastApplied);
}
