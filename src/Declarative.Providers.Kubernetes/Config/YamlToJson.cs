using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>Reads a YAML document into JsonNodes; every scalar stays a string (kubeconfig readers convert).</summary>
internal static class YamlToJson
{
    public static JsonNode? Read(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => Map(map),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonObject Map(YamlMappingNode map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                result[name] = Convert(value);
            }
        }

        return result;
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var plainNull = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain
            && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";
        return plainNull ? null : JsonValue.Create(scalar.Value ?? string.Empty);
    }
}
