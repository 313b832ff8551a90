using Declarative.Core.Diagnostics;

namespace Declarative.Providers.Kubernetes.Tests.Schemas;

public sealed class BuiltInSchemaValidationTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  imagePullPolicy: IfNotPresent
                  ports:
                    - containerPort: 80
                      protocol: TCP
                  resources:
                    requests: {cpu: 100m, memory: 64Mi}
                    limits: {cpu: 1, memory: "1Gi"}
                  env:
                    - name: MODE
                      value: "8080"
        status:
          replicas: nonsense
        """;

    [Fact]
    public void Accepts_a_well_formed_deployment_and_ignores_its_status()
    {
        Assert.Empty(YamlDocuments.Validate(Deployment));
    }

    [Fact]
    public void Reports_a_typo_at_its_key_with_a_suggestion()
    {
        var diagnostic = Assert.Single(YamlDocuments.Validate(Deployment.Replace("  replicas: 2", "  replicaz: 2", StringComparison.Ordinal)));

        Assert.Equal(DiagnosticCodes.UnknownField, diagnostic.Code);
        Assert.Equal(new SourceLocation(YamlDocuments.File, 7, 3), diagnostic.Location);
        Assert.Equal("Unknown field spec.replicaz", diagnostic.Summary);
        Assert.Equal("Deployment spec has no field \"replicaz\".", diagnostic.Detail[0]);
        Assert.Contains("strict decoding error: unknown field \"spec.replicaz\"", diagnostic.Detail[1], StringComparison.Ordinal);
        Assert.Equal("Did you mean replicas? Rename the field to replicas, or remove it.", diagnostic.Detail[^1]);
    }

    [Fact]
    public void Reports_a_string_where_an_integer_is_expected_at_the_value()
    {
        var diagnostic = Assert.Single(YamlDocuments.Validate(Deployment.Replace("  replicas: 2", "  replicas: \"three\"", StringComparison.Ordinal)));

        Assert.Equal(DiagnosticCodes.WrongType, diagnostic.Code);
        Assert.Equal(new SourceLocation(YamlDocuments.File, 7, 13), diagnostic.Location);
        Assert.Equal("Wrong type for spec.replicas", diagnostic.Summary);
        Assert.Equal("spec.replicas must be an integer, found a string.", diagnostic.Detail[0]);
    }

    [Fact]
    public void Reports_a_number_where_a_string_is_expected_and_says_to_quote_it()
    {
        var diagnostic = Assert.Single(YamlDocuments.Validate(Deployment.Replace("value: \"8080\"", "value: 8080", StringComparison.Ordinal)));

        Assert.Equal("26:22 DCL122 Wrong type for spec.template.spec.containers[name=web].env[name=MODE].value", Line(diagnostic));
        Assert.StartsWith("Write the value in quotes", diagnostic.Detail[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_map_where_a_list_is_expected()
    {
        var yaml = Deployment.Replace("""
                  ports:
                    - containerPort: 80
                      protocol: TCP
        """, """
                  ports:
                    containerPort: 80
        """, StringComparison.Ordinal);

        var diagnostic = Assert.Single(YamlDocuments.Validate(yaml));

        Assert.Equal("19:13 DCL122 Wrong type for spec.template.spec.containers[name=web].ports", Line(diagnostic));
        Assert.Equal("spec.template.spec.containers[name=web].ports must be a list, found a map.", diagnostic.Detail[0]);
    }

    [Fact]
    public void Reports_a_missing_container_name_at_the_container()
    {
        var diagnostic = Assert.Single(YamlDocuments.Validate(Deployment.Replace("- name: web", "- stdin: false", StringComparison.Ordinal)));

        Assert.Equal("15:11 DCL121 Missing field spec.template.spec.containers[0].name", Line(diagnostic));
        Assert.Equal("Add spec.template.spec.containers[0].name, a string.", diagnostic.Detail[^1]);
    }

    [Fact]
    public void Reports_a_missing_selector_of_a_deployment_at_its_spec()
    {
        var yaml = Deployment.Replace("  selector:\n    matchLabels: {app: web}\n", string.Empty, StringComparison.Ordinal);

        Assert.Equal(["7:3 DCL121 Missing field spec.selector"], YamlDocuments.Located(yaml));
    }

    [Fact]
    public void Reports_a_value_outside_an_enum_with_the_closest_value()
    {
        var diagnostic = Assert.Single(YamlDocuments.Validate(Deployment.Replace("IfNotPresent", "ifnotpresent", StringComparison.Ordinal)));

        Assert.Equal("17:28 DCL123 Invalid value for spec.template.spec.containers[name=web].imagePullPolicy", Line(diagnostic));
        Assert.Equal(
            "spec.template.spec.containers[name=web].imagePullPolicy is \"ifnotpresent\": it must be one of \"Always\", \"IfNotPresent\", \"Never\".",
            diagnostic.Detail[0]);
        Assert.StartsWith("Did you mean IfNotPresent?", diagnostic.Detail[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_malformed_quantity()
    {
        Assert.Equal(
            ["23:38 DCL123 Invalid quantity in spec.template.spec.containers[name=web].resources.limits.memory"],
            YamlDocuments.Located(Deployment.Replace("\"1Gi\"", "\"1 gigabyte\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void Reports_every_error_of_a_document_not_just_the_first()
    {
        var yaml = Deployment
            .Replace("  replicas: 2", "  replicaz: 2", StringComparison.Ordinal)
            .Replace("IfNotPresent", "Sometimes", StringComparison.Ordinal)
            .Replace("containerPort: 80", "containerPort: http", StringComparison.Ordinal);

        Assert.Equal(
            [
                "7:3 DCL120 Unknown field spec.replicaz",
                "17:28 DCL123 Invalid value for spec.template.spec.containers[name=web].imagePullPolicy",
                "19:30 DCL122 Wrong type for spec.template.spec.containers[name=web].ports[containerPort=http,protocol=TCP].containerPort",
            ],
            YamlDocuments.Located(yaml));
    }

    [Fact]
    public void Caps_the_errors_of_one_document_and_says_how_many_more()
    {
        var fields = string.Join("\n", Enumerable.Range(1, 25).Select(i => $"  unknown{i}: x"));
        var yaml = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n{fields}\n";

        var diagnostics = YamlDocuments.Validate(yaml);

        Assert.Equal(21, diagnostics.Count);
        Assert.Equal("5 more schema errors in this ConfigMap", diagnostics[^1].Summary);
    }

    [Fact]
    public void Reports_secret_data_that_is_not_base64_without_showing_the_value()
    {
        var yaml = """
            apiVersion: v1
            kind: Secret
            metadata: {name: db}
            stringData: {user: admin}
            data:
              password: hunter2!
              token: aGVsbG8=
            """;

        var diagnostic = Assert.Single(YamlDocuments.Validate(yaml));

        Assert.Equal("6:13 DCL123 Invalid base64 in data.password", Line(diagnostic));
        Assert.DoesNotContain("hunter2", string.Join("\n", diagnostic.Detail), StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_labels_and_annotations_to_the_metadata_check()
    {
        var yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
              labels: {version: 2}
              annotations: [a]
            data: {a: b}
            """;

        Assert.Equal(
            ["5:21 DCL122 Label value is not a string", "6:16 DCL122 metadata.annotations is not a map"],
            YamlDocuments.Located(yaml));
    }

    [Fact]
    public void Accepts_raw_extension_and_json_schema_content_as_any_json()
    {
        var yaml = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec:
              group: example.com
              scope: Namespaced
              names: {kind: Widget, plural: widgets}
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      x-kubernetes-preserve-unknown-fields: true
                      properties:
                        spec:
                          type: object
                          default: {size: 1, anything: [1, "two"]}
                          additionalProperties: {type: string}
            """;

        Assert.Empty(YamlDocuments.Validate(yaml));
    }

    [Fact]
    public void Accepts_an_explicit_null_as_an_absent_field()
    {
        Assert.Empty(YamlDocuments.Validate(Deployment.Replace("  replicas: 2", "  replicas: null", StringComparison.Ordinal)));
    }

    private static string Line(Diagnostic diagnostic) => $"{diagnostic.Location!.Line}:{diagnostic.Location.Column} {diagnostic.Code} {diagnostic.Summary}";
}
