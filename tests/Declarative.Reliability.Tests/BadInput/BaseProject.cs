using System.Text;

namespace Declarative.Reliability.Tests.BadInput;

/// <summary>
/// The valid project every input starts from: a Namespace, a ConfigMap, a Secret, a templated Deployment that depends
/// on the ConfigMap, a Service and a Job; values from values.yaml. Every manifest uses flow maps, quoted scalars and
/// indented blocks, so each mutation finds something to break in any file.
/// </summary>
internal static class BaseProject
{
    public const string ProjectFile = "declarative.yaml";
    public const string ValuesFile = "values.yaml";

    public static readonly string[] Manifests =
    [
        "manifests/namespace.yaml",
        "manifests/settings.yaml",
        "manifests/secret.yaml",
        "manifests/web.yaml",
        "manifests/service.yaml",
        "manifests/migrate.yaml",
    ];

    public static Dictionary<string, byte[]> Files() => new(StringComparer.Ordinal)
    {
        [ProjectFile] = Utf8("""
            apiVersion: declarative.dev/v1
            kind: Project
            metadata:
              name: fuzz
            spec:
              include: ["manifests/**/*.yaml"]
              values: values.yaml
              environments:
                dev:
                  kubernetes: {namespace: fuzz-dev}

            """),
        [ValuesFile] = Utf8("""
            replicas: 2
            image: "nginx:1.27"
            tier: {name: "web"}

            """),
        ["manifests/namespace.yaml"] = Utf8("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: fuzz-dev
              labels: {team: "shop"}

            """),
        ["manifests/settings.yaml"] = Utf8("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              labels: {app: "web"}
            data:
              mode: "fast"
              level: "3"

            """),
        ["manifests/secret.yaml"] = Utf8("""
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
              labels: {app: "web"}
            stringData:
              password: "fuzz-password"

            """),
        ["manifests/web.yaml"] = Utf8("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {app: "web", tier: "{{ values.tier.name }}"}
              annotations:
                declarative.dev/depends-on: "ConfigMap/settings"
            spec:
              replicas: {{ values.replicas }}
              selector:
                matchLabels: {app: "web"}
              template:
                metadata:
                  labels: {app: "web"}
                spec:
                  containers:
                  - name: web
                    image: "{{ values.image }}"
                    ports: [{containerPort: 8080}]

            """),
        ["manifests/service.yaml"] = Utf8("""
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              labels: {app: "web"}
            spec:
              selector: {app: "web"}
              ports: [{port: 80, targetPort: 8080}]

            """),
        ["manifests/migrate.yaml"] = Utf8("""
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
              labels: {app: "web"}
              annotations:
                declarative.dev/depends-on: "Secret/db"
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: migrate
                    image: "busybox:1.36"
                    command: ["sh", "-c", "echo migrated"]

            """),
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
