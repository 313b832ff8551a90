using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Schemas;

namespace Declarative.Providers.Docker.Catalog;

/// <summary>
/// The JSON Schemas (draft 2020-12) of the Docker kinds, generated from <see cref="DockerSchemas"/>, the shapes
/// <see cref="DocumentValidator"/> checks documents with, plus the rules the validator applies around them
/// (apiVersion and kind, metadata.name, a spec with required fields).
/// </summary>
public static class DockerJsonSchemas
{
    /// <summary>Registry, Image, Container, Volume and Network.</summary>
    public static ImmutableArray<string> Kinds => DockerKinds.All;

    /// <summary>The schema of one kind's documents; <paramref name="kind"/> is one of <see cref="Kinds"/>.</summary>
    public static JsonObject ForKind(string kind)
    {
        var body = KindBody(kind);
        var schema = new JsonObject
        {
            ["$schema"] = JsonSchemaFragments.Draft,
            ["title"] = $"Declarative {kind} ({DockerKinds.ApiVersion})",
            ["description"] = $"A {kind} document of the Docker provider. Reference: docs/docker-kinds.md. Strings with {{{{ }}}} are template expressions: decl checks them after rendering.",
        };
        foreach (var (key, value) in body)
        {
            schema[key] = value?.DeepClone();
        }

        return schema;
    }

    /// <summary>One schema for a file that mixes Docker kinds: each document is checked against its kind's schema,
    /// chosen by its <c>kind</c>.</summary>
    public static JsonObject ForAnyKind()
    {
        var definitions = new JsonObject();
        foreach (var kind in DockerKinds.All)
        {
            definitions[kind] = KindBody(kind);
        }

        return new JsonObject
        {
            ["$schema"] = JsonSchemaFragments.Draft,
            ["title"] = $"Declarative Docker document ({DockerKinds.ApiVersion})",
            ["description"] = "A document of any Docker kind (Registry, Image, Container, Volume, Network), checked against the schema of its kind. Reference: docs/docker-kinds.md.",
            ["type"] = "object",
            ["required"] = new JsonArray("kind"),
            ["properties"] = new JsonObject
            {
                ["kind"] = new JsonObject { ["enum"] = new JsonArray([.. DockerKinds.All.Select(k => (JsonNode)k)]) },
            },
            ["allOf"] = new JsonArray([.. DockerKinds.All.Select(kind => (JsonNode)new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["required"] = new JsonArray("kind"),
                    ["properties"] = new JsonObject { ["kind"] = new JsonObject { ["const"] = kind } },
                },
                ["then"] = new JsonObject { ["$ref"] = $"#/$defs/{kind}" },
            })]),
            ["$defs"] = definitions,
        };
    }

    /// <summary>The document shape with what <see cref="DocumentValidator"/> checks besides it: the apiVersion and
    /// kind, metadata.name (DCL103), and the spec when it has required fields (they are missing without it).</summary>
    private static JsonObject KindBody(string kind)
    {
        var document = DockerSchemas.Document(kind) ?? throw new ArgumentException($"\"{kind}\" is not a Docker kind; the kinds are {string.Join(", ", DockerKinds.All)}.", nameof(kind));
        var spec = DockerSchemas.Spec(kind)!;
        var schema = document.ToJsonSchema();
        var properties = schema["properties"]!.AsObject();
        properties["apiVersion"] = new JsonObject { ["const"] = DockerKinds.ApiVersion };
        properties["kind"] = new JsonObject { ["const"] = kind };
        properties["metadata"] = RequireName(properties["metadata"]!.AsObject());
        var required = new JsonArray("apiVersion", "kind", "metadata");
        if (spec.Fields.Any(f => f.Required))
        {
            required.Add("spec");
            properties["spec"] = UnwrapNull(properties["spec"]!.AsObject());
        }

        schema["required"] = required;
        return schema;
    }

    /// <summary>metadata as the validator reads it: a map with a name that is not null.</summary>
    private static JsonObject RequireName(JsonObject metadata)
    {
        var map = UnwrapNull(metadata);
        map["required"] = new JsonArray("name");
        var name = map["properties"]!["name"]!.AsObject();
        map["properties"]!["name"] = UnwrapNull(name);
        return map;
    }

    /// <summary>Takes back the null that an optional field accepts, for a field the validator requires.</summary>
    private static JsonObject UnwrapNull(JsonObject schema)
    {
        if (schema["type"] is JsonArray types)
        {
            var kept = types.Where(t => t!.GetValue<string>() != "null").Select(t => t!.GetValue<string>()).ToList();
            schema["type"] = kept.Count == 1 ? kept[0] : new JsonArray([.. kept.Select(t => (JsonNode)t)]);
        }

        return schema;
    }
}
