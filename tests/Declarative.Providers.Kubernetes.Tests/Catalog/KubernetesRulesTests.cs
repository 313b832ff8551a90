using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Providers.Kubernetes.Catalog;

namespace Declarative.Providers.Kubernetes.Tests.Catalog;

/// <summary>The API server's validation rules checked by decl validate (Catalog/Rules), located in the YAML file.</summary>
public sealed class KubernetesRulesTests
{
    private const string File = "/project/app.yaml";
    private readonly KubernetesKindCatalog _catalog = new();

    private List<Diagnostic> Validate(string yaml)
    {
        var parsed = Assert.Single(YamlDocumentReader.Read(yaml, File).Value);
        var document = new RenderedDocument((JsonObject)parsed.Root!, parsed.Source);
        return [.. _catalog.Validate(document, TestResources.Context(document))];
    }

    [Fact]
    public void A_configmap_over_one_mebibyte_is_reported_at_its_name_and_one_at_the_limit_is_not()
    {
        string ConfigMap(int length) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: {new string('x', length - 1)}\n  b: x\n";

        var diagnostic = Assert.Single(Validate(ConfigMap((1024 * 1024) + 1)));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal("ConfigMap too large", diagnostic.Summary);
        Assert.Equal(new SourceLocation(File, 4, 9), diagnostic.Location);
        Assert.Contains("1,048,577 bytes", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.Empty(Validate(ConfigMap(1024 * 1024)));
    }

    [Fact]
    public void A_secret_counts_its_decoded_data_and_its_string_data_against_the_limit()
    {
        var encoded = Convert.ToBase64String(new byte[(1024 * 1024) - 2]);

        var diagnostic = Assert.Single(Validate($"apiVersion: v1\nkind: Secret\nmetadata:\n  name: big\ndata:\n  a: {encoded}\nstringData:\n  b: xyz\n"));

        Assert.Equal("Secret too large", diagnostic.Summary);
        Assert.DoesNotContain(encoded[..20], diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dockerconfigjson_secret_without_its_key_is_reported_at_data()
    {
        var diagnostic = Assert.Single(Validate("""
            apiVersion: v1
            kind: Secret
            metadata:
              name: registry
            type: kubernetes.io/dockerconfigjson
            data:
              config.json: e30=
            """));

        Assert.Equal(DiagnosticCodes.MissingField, diagnostic.Code);
        Assert.Equal("Missing field data[.dockerconfigjson]", diagnostic.Summary);
        Assert.Equal(new SourceLocation(File, 7, 3), diagnostic.Location);
    }

    [Fact]
    public void A_tls_secret_needs_both_keys_and_string_data_counts()
    {
        var diagnostics = Validate("""
            apiVersion: v1
            kind: Secret
            metadata:
              name: tls
            type: kubernetes.io/tls
            stringData:
              tls.crt: cert
            """);

        Assert.Equal(["Missing field data[tls.key]"], diagnostics.Select(d => d.Summary));
    }

    [Fact]
    public void Secret_data_that_is_not_base64_is_reported_at_the_value_without_showing_it()
    {
        var diagnostic = Assert.Single(Validate("""
            apiVersion: v1
            kind: Secret
            metadata:
              name: creds
            data:
              password: hunter2!
            """));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal(new SourceLocation(File, 6, 13), diagnostic.Location);
        Assert.Contains("illegal base64 data at input byte 7", diagnostic.Detail[0], StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", string.Join(" ", diagnostic.Detail), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_container_names_across_init_containers_are_reported_at_the_second_name()
    {
        var diagnostic = Assert.Single(Validate("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: nginx
                  initContainers:
                  - name: web
                    image: busybox
            """));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Equal("Duplicate container name in spec.template.spec.initContainers[name=web].name", diagnostic.Summary);
        Assert.Equal(new SourceLocation(File, 16, 15), diagnostic.Location);
    }

    [Fact]
    public void Duplicate_port_names_and_a_port_without_container_port_are_reported()
    {
        var diagnostics = Validate("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx
                ports:
                - name: http
                  containerPort: 80
                - name: http
                  containerPort: 8080
                - name: admin
            """);

        Assert.Equal(
            ["Duplicate port name in spec.containers[name=web].ports[1].name", "Missing field spec.containers[name=web].ports[2].containerPort"],
            diagnostics.Select(d => d.Summary));
        Assert.Equal(new SourceLocation(File, 12, 13), diagnostics[0].Location);
    }

    [Fact]
    public void A_container_name_that_is_not_a_dns_label_is_reported()
    {
        var diagnostic = Assert.Single(Validate("""
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: nightly
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                      - name: Backup_Job
                        image: busybox
            """));

        Assert.Equal("Invalid container name in spec.jobTemplate.spec.template.spec.containers[name=Backup_Job].name", diagnostic.Summary);
        Assert.Equal(new SourceLocation(File, 13, 19), diagnostic.Location);
    }

    [Fact]
    public void A_service_port_without_port_and_unnamed_ports_are_reported()
    {
        var diagnostics = Validate("""
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
              - targetPort: 8080
              - name: https
                port: 443
            """);

        Assert.Equal(["Missing field spec.ports[0].name", "Missing field spec.ports[0].port"], diagnostics.Select(d => d.Summary));
        Assert.All(diagnostics, d => Assert.Equal(new SourceLocation(File, 7, 5), d.Location));
    }

    [Fact]
    public void Well_formed_secrets_pods_and_services_pass()
    {
        Assert.Empty(Validate("""
            apiVersion: v1
            kind: Secret
            metadata:
              name: auth
            type: kubernetes.io/basic-auth
            data:
              username: YWRtaW4=
            """));
        Assert.Empty(Validate("""
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
              - name: http
                port: 80
              - name: https
                port: 443
            """));
    }
}
