using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>A parsed JSON body and the fields it gave twice, as sigs.k8s.io/json's strict decoder names them
/// ("spec.replicas"); the last value of a duplicate wins, as in Go.</summary>
internal sealed record DecodedJson(JsonNode? Node, IReadOnlyList<string> Duplicates)
{
    public static DecodedJson Parse(string text)
    {
        var duplicates = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read())
            {
                throw StatusFactory.BadRequest("json parse error: unexpected end of JSON input");
            }

            var node = Read(ref reader, string.Empty, duplicates);
            if (reader.Read())
            {
                throw StatusFactory.BadRequest("json parse error: invalid character after top-level value");
            }

            return new DecodedJson(node, duplicates);
        }
        catch (JsonException error)
        {
            throw StatusFactory.BadRequest($"json parse error: {error.Message}");
        }
    }

    private static JsonNode? Read(ref Utf8JsonReader reader, string path, List<string> duplicates)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonObject();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    var childPath = path.Length == 0 ? name : $"{path}.{name}";
                    reader.Read();
                    var value = Read(ref reader, childPath, duplicates);
                    if (obj.ContainsKey(name))
                    {
                        duplicates.Add(childPath);
                    }

                    obj[name] = value;
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(Read(ref reader, string.Create(CultureInfo.InvariantCulture, $"{path}[{array.Count}]"), duplicates));
                }

                return array;
            case JsonTokenType.String:
                return JsonValue.Create(reader.GetString());
            case JsonTokenType.Number:
                return JsonNode.Parse(reader.ValueSpan);
            case JsonTokenType.True:
                return JsonValue.Create(true);
            case JsonTokenType.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }
}
