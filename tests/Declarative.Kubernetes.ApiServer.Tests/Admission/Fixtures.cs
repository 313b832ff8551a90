using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Tests.Admission;

internal static class Fixtures
{
    public static ApiResource Resource(string group, string kind) =>
        BuiltInResources.All.First(r => r.Group == group && r.Kind == kind);

    public static ApiResource Deployments => Resource("apps", "Deployment");

    public static ApiResource Services => Resource("", "Service");

    /// <summary>JSON with single quotes for readability.</summary>
    public static JsonObject Json(string text) => JsonNode.Parse(text.Replace('\'', '"'))!.AsObject();

    public static void AssertJson(JsonNode expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected:\n{expected.ToJsonString()}\nactual:\n{actual.ToJsonString()}");

    public static JsonObject Deployment(string name = "web", string selectorApp = "web", string templateApp = "web") => Json("""
        {'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'NAME','namespace':'default'},
         'spec':{'selector':{'matchLabels':{'app':'SELECTED'}},
                 'template':{'metadata':{'labels':{'app':'LABELLED'}},
                             'spec':{'containers':[{'name':'web','image':'nginx:1.27'}]}}}}
        """.Replace("NAME", name).Replace("SELECTED", selectorApp).Replace("LABELLED", templateApp));

    public static JsonObject Service(string name = "web", string body = "'ports':[{'port':80}]") => Json("""
        {'apiVersion':'v1','kind':'Service','metadata':{'name':'NAME','namespace':'default'},
         'spec':{'selector':{'app':'web'},BODY}}
        """.Replace("NAME", name).Replace("BODY", body));

    /// <summary>Runs <paramref name="action"/>, expects 422 Invalid, and returns the Status it carried.</summary>
    public static JsonObject Rejected(Action action)
    {
        var error = Assert.Throws<ApiError>(action);
        Assert.Equal(422, error.Code);
        var status = error.Status!;
        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
        Assert.Equal(422, status["code"]!.GetValue<int>());
        return status;
    }

    public static IReadOnlyList<string> CauseFields(JsonObject status) =>
        [.. status["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>())];

    public static JsonObject OnlyCause(JsonObject status) => Assert.Single(status["details"]!["causes"]!.AsArray())!.AsObject();

    public static AdmissionChainHarness Chain() => new();
}
