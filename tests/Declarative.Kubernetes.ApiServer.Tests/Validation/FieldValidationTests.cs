using System.Net;
using Declarative.Kubernetes.ApiServer.Tests.Core;
using static Declarative.Kubernetes.ApiServer.Tests.Validation.ValidationClient;

namespace Declarative.Kubernetes.ApiServer.Tests.Validation;

/// <summary>
/// fieldValidation on writes as kube-apiserver 1.32 answers them (reference 3.7; sources: apiserver
/// endpoints/handlers create.go, update.go and patch.go, transformDecodeError in rest.go, runtime.strictDecodingError
/// in apimachinery runtime/error.go, sigs.k8s.io/json's strict decoder for the field paths, warning headers from
/// endpoints/filters/warning.go; server-side apply: structured-merge-diff through structuredmerge.go Apply, still 500
/// upstream, kubernetes/kubernetes#122480 and #139253).
/// </summary>
public sealed class FieldValidationTests : IAsyncLifetime
{
    private const string Deployments = "/apis/apps/v1/namespaces/default/deployments";
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";
    private const string Prefix = "Deployment in version \"v1\" cannot be handled as a Deployment: ";
    private readonly DoubleServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    private static string Deployment(string extraSpec = "", string extraContainer = "", string replicas = "\"replicas\":2") =>
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\",\"namespace\":\"default\"},"
        + "\"spec\":{" + replicas + "," + extraSpec + "\"selector\":{\"matchLabels\":{\"app\":\"web\"}},"
        + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.27\"" + extraContainer + "}]}}}}";

    [Fact]
    public async Task Strict_create_lists_every_unknown_field_and_stores_nothing()
    {
        var answer = await PostAsync(_server, $"{Deployments}?fieldValidation=Strict", Deployment("\"replicaz\":3,", ",\"imagez\":\"x\""));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Code);
        Assert.Equal("BadRequest", answer.Reason);
        Assert.Equal(Prefix + "strict decoding error: unknown field \"spec.replicaz\", unknown field \"spec.template.spec.containers[0].imagez\"", answer.Message);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(_server, $"{Deployments}/web")).Code);
    }

    [Fact]
    public async Task Warn_is_the_default_it_accepts_the_object_without_the_unknown_fields_and_warns_per_field()
    {
        var answer = await PostAsync(_server, Deployments, Deployment("\"replicaz\":3,", ",\"imagez\":\"x\""));

        Assert.Equal(HttpStatusCode.Created, answer.Code);
        Assert.Equal(["299 - \"unknown field \\\"spec.replicaz\\\"\"", "299 - \"unknown field \\\"spec.template.spec.containers[0].imagez\\\"\""], answer.Warnings);
        var stored = (await GetAsync(_server, $"{Deployments}/web")).Body!;
        Assert.Null(stored["spec"]!["replicaz"]);
        Assert.Null(stored["spec"]!["template"]!["spec"]!["containers"]![0]!["imagez"]);
        Assert.Equal(2, stored["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task Ignore_drops_unknown_fields_silently()
    {
        var answer = await PostAsync(_server, $"{Deployments}?fieldValidation=Ignore", Deployment("\"replicaz\":3,"));

        Assert.Equal(HttpStatusCode.Created, answer.Code);
        Assert.Empty(answer.Warnings);
        Assert.Null((await GetAsync(_server, $"{Deployments}/web")).Body!["spec"]!["replicaz"]);
    }

    [Fact]
    public async Task A_duplicate_field_is_a_strict_error_and_otherwise_the_last_value_wins_with_a_warning()
    {
        var body = Deployment(replicas: "\"replicas\":2,\"replicas\":4");

        var strict = await PostAsync(_server, $"{Deployments}?fieldValidation=Strict", body);
        var warned = await PostAsync(_server, Deployments, body);

        Assert.Equal(HttpStatusCode.BadRequest, strict.Code);
        Assert.Equal(Prefix + "strict decoding error: duplicate field \"spec.replicas\"", strict.Message);
        Assert.Equal(HttpStatusCode.Created, warned.Code);
        Assert.Equal(["299 - \"duplicate field \\\"spec.replicas\\\"\""], warned.Warnings);
        Assert.Equal(4, warned.Body!["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task Update_answers_as_create_does()
    {
        await PostAsync(_server, Deployments, Deployment());

        var strict = await PutAsync(_server, $"{Deployments}/web?fieldValidation=Strict", Deployment("\"replicaz\":3,"));
        var warned = await PutAsync(_server, $"{Deployments}/web", Deployment("\"replicaz\":3,"));

        Assert.Equal(HttpStatusCode.BadRequest, strict.Code);
        Assert.Equal(Prefix + "strict decoding error: unknown field \"spec.replicaz\"", strict.Message);
        Assert.Equal(HttpStatusCode.OK, warned.Code);
        Assert.Equal(["299 - \"unknown field \\\"spec.replicaz\\\"\""], warned.Warnings);
        Assert.Null(warned.Body!["spec"]!["replicaz"]);
    }

    [Theory]
    [InlineData("application/merge-patch+json", "{\"spec\":{\"replicaz\":3}}")]
    [InlineData("application/strategic-merge-patch+json", "{\"spec\":{\"replicaz\":3}}")]
    [InlineData("application/json-patch+json", "[{\"op\":\"add\",\"path\":\"/spec/replicaz\",\"value\":3}]")]
    public async Task A_patch_that_adds_an_unknown_field_is_400_under_strict_and_warned_otherwise(string contentType, string patch)
    {
        await PostAsync(_server, Deployments, Deployment());

        var strict = await PatchAsync(_server, $"{Deployments}/web?fieldValidation=Strict", patch, contentType);
        var warned = await PatchAsync(_server, $"{Deployments}/web", patch, contentType);

        // patch.go returns the strict error without transformDecodeError's prefix.
        Assert.Equal(HttpStatusCode.BadRequest, strict.Code);
        Assert.Equal("strict decoding error: unknown field \"spec.replicaz\"", strict.Message);
        Assert.Equal(HttpStatusCode.OK, warned.Code);
        Assert.Equal(["299 - \"unknown field \\\"spec.replicaz\\\"\""], warned.Warnings);
        Assert.Null((await GetAsync(_server, $"{Deployments}/web")).Body!["spec"]!["replicaz"]);
    }

    [Theory]
    [InlineData("Strict")]
    [InlineData("Ignore")]
    public async Task Server_side_apply_of_an_unknown_field_fails_with_500_whatever_field_validation_says(string validation)
    {
        var applied = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicaz: 3\n  selector:\n    matchLabels: {app: web}\n"
            + "  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        imagez: x\n";

        var answer = await PatchAsync(_server, $"{Deployments}/web?fieldManager=kubectl&force=true&fieldValidation={validation}", applied, "application/apply-patch+yaml");

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Code);
        Assert.Equal(string.Empty, answer.Reason);
        Assert.Equal(
            "failed to create typed patch object (default/web; apps/v1, Kind=Deployment): errors:\n  .spec.replicaz: field not declared in schema\n"
            + "  .spec.template.spec.containers[name=\"web\"].imagez: field not declared in schema",
            answer.Message);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(_server, $"{Deployments}/web")).Code);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_400_with_the_go_decoder_message_even_under_ignore()
    {
        var body = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings"},"data":{"retries":3}}""";

        var answer = await PostAsync(_server, $"{ConfigMaps}?fieldValidation=Ignore", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Code);
        Assert.Equal("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string", answer.Message);
    }

    [Fact]
    public async Task A_string_where_an_integer_belongs_names_the_go_struct_and_field_path()
    {
        var answer = await PostAsync(_server, Deployments, Deployment(replicas: "\"replicas\":\"three\""));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Code);
        Assert.Equal(Prefix + "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32", answer.Message);
    }

    [Fact]
    public async Task Secret_data_that_is_not_base64_is_400_at_the_byte_go_stops()
    {
        var body = """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"creds"},"data":{"password":"not base64!"}}""";

        var answer = await PostAsync(_server, "/api/v1/namespaces/default/secrets", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Code);
        Assert.Equal("Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 3", answer.Message);
    }

    [Fact]
    public async Task Status_in_a_create_body_is_decoded_like_the_rest_and_then_dropped()
    {
        var body = Deployment().TrimEnd()[..^1] + ",\"status\":{\"replicas\":9,\"readyReplicaz\":1}}";

        var strict = await PostAsync(_server, $"{Deployments}?fieldValidation=Strict", body);
        var created = await PostAsync(_server, Deployments, body);

        Assert.Equal(Prefix + "strict decoding error: unknown field \"status.readyReplicaz\"", strict.Message);
        Assert.Equal(HttpStatusCode.Created, created.Code);
        Assert.Null(created.Body!["status"]?["replicas"]);
    }

    [Fact]
    public async Task An_unknown_field_validation_directive_is_422_on_the_options()
    {
        var answer = await PostAsync(_server, $"{ConfigMaps}?fieldValidation=Loose", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}""");

        Assert.Equal((HttpStatusCode)422, answer.Code);
        Assert.Equal("CreateOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value: \"Loose\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"", answer.Message);
    }
}
