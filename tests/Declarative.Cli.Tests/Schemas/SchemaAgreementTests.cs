using Declarative.Testing;

namespace Declarative.Cli.Tests.Schemas;

/// <summary>
/// The schemas and decl's validators agree: each document here is accepted by both or refused by both (unknown keys,
/// wrong types, missing required fields, values outside an enumeration or a syntax). Known differences, where the schema
/// can only describe a rule, are in docs/schemas.md; none of them is among these documents.
/// </summary>
public sealed class SchemaAgreementTests
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { a: b }\n";

    private const string Container = "apiVersion: docker.declarative.dev/v1\nkind: Container\nmetadata: { name: web }\n";

    private const string Registry = "apiVersion: docker.declarative.dev/v1\nkind: Registry\nmetadata: { name: hub }\n";

    private const string Project = "apiVersion: declarative.dev/v1\nkind: Project\nmetadata: { name: shop }\n";

    private const string Module = "apiVersion: declarative.dev/v1\nkind: Module\n";

    public static TheoryData<string, bool, string> DockerDocuments() => new()
    {
        { "minimal container", true, Container + "spec: { image: nginx:1.27 }\n" },
        {
            "full container", true, Container + """
                spec:
                  image: ghcr.io/acme/api:1.4
                  command: npm start
                  entrypoint: ["/bin/sh", "-c"]
                  env: { LOG_LEVEL: debug, PORT: 8080, DEBUG: false }
                  ports: ["127.0.0.1:8080:80", "53:53/udp"]
                  volumes: ["./config:/etc/app:ro"]
                  restart: "on-failure:3"
                  networks: [bridge]
                  labels: { team: shop }
                  user: "1000:1000"
                  workdir: /app
                  healthcheck: { test: ["CMD", "wget", "-qO-", "http://localhost/"], interval: 30s, timeout: 1m30s, startPeriod: "0", retries: 3 }
                  stopTimeout: 10
                """
        },
        { "null field counts as absent", true, Container + "spec:\n  image: nginx\n  ports:\n" },
        { "registry with credentials", true, Registry + "spec: { server: ghcr.io, username: bot, password: { fromEnv: GHCR_TOKEN }, insecure: false }\n" },
        { "network", true, "apiVersion: docker.declarative.dev/v1\nkind: Network\nmetadata: { name: backend }\nspec: { internal: true, subnet: 172.28.0.0/16, driver: bridge }\n" },
        { "volume without spec", true, "apiVersion: docker.declarative.dev/v1\nkind: Volume\nmetadata: { name: data, annotations: { team: shop } }\n" },
        { "unknown key", false, Container + "spec: { image: nginx, restrat: always }\n" },
        { "unknown metadata key", false, "apiVersion: docker.declarative.dev/v1\nkind: Container\nmetadata: { name: web, namespace: apps }\nspec: { image: nginx }\n" },
        { "wrong type", false, Container + "spec: { image: nginx, ports: { http: 8080 } }\n" },
        { "wrong type of number", false, Container + "spec: { image: nginx, stopTimeout: 30s }\n" },
        { "negative number", false, Container + "spec: { image: nginx, stopTimeout: -1 }\n" },
        { "string where a boolean goes", false, Registry + "spec: { server: ghcr.io, insecure: \"yes\" }\n" },
        { "missing required field", false, Container + "spec: { restart: always }\n" },
        { "missing spec with a required field", false, Container },
        { "missing name", false, "apiVersion: docker.declarative.dev/v1\nkind: Network\nmetadata: { annotations: { a: b } }\n" },
        { "bad restart policy", false, Container + "spec: { image: nginx, restart: sometimes }\n" },
        { "restart as a boolean", false, Container + "spec: { image: nginx, restart: no }\n" },
        { "bad duration", false, Container + "spec: { image: nginx, healthcheck: { interval: 30 seconds } }\n" },
        { "bad name", false, "apiVersion: docker.declarative.dev/v1\nkind: Volume\nmetadata: { name: -data }\n" },
        { "bad variable name", false, Container + "spec: { image: nginx, env: { 1BAD: x } }\n" },
        { "bad platform", false, "apiVersion: docker.declarative.dev/v1\nkind: Image\nmetadata: { name: api }\nspec: { context: ., platform: Linux/AMD64 }\n" },
        { "relative workdir", false, Container + "spec: { image: nginx, workdir: app }\n" },
        { "password without username", false, Registry + "spec: { server: ghcr.io, password: { fromEnv: TOKEN } }\n" },
        { "credential with both sources", false, Registry + "spec: { server: ghcr.io, username: bot, password: { fromEnv: TOKEN, fromFile: token.txt } }\n" },
        { "credential with no source", false, Registry + "spec: { server: ghcr.io, username: bot, password: {} }\n" },
        { "unknown version", false, "apiVersion: docker.declarative.dev/v2\nkind: Volume\nmetadata: { name: data }\n" },
        { "unknown kind", false, "apiVersion: docker.declarative.dev/v1\nkind: Containr\nmetadata: { name: web }\nspec: { image: nginx }\n" },
    };

    public static TheoryData<string, bool, string> ProjectFiles() => new()
    {
        { "minimal", true, Project },
        {
            "every field", true, Project + """
                spec:
                  include: ["manifests/*.yaml"]
                  state: { backend: kubernetes, namespace: ops-state, context: admin, leaseDuration: 2m }
                  environments:
                    local:
                    dev:
                      kubernetes: { context: kind-dev, namespace: shop-dev }
                      docker: { host: unix:///var/run/docker.sock }
                      state: { backend: local }
                    ci:
                      state: { backend: postgres, connection: env:DECLARATIVE_PG }
                """
        },
        { "unknown key", false, Project + "spec: { enviroments: { dev: {} } }\n" },
        { "unknown key in an environment", false, Project + "spec: { environments: { dev: { kubernetes: { ctx: a } } } }\n" },
        { "wrong type", false, Project + "spec: { include: manifests/*.yaml }\n" },
        { "missing name", false, "apiVersion: declarative.dev/v1\nkind: Project\nmetadata: { labels: { a: b } }\n" },
        { "wrong kind", false, "apiVersion: declarative.dev/v1\nkind: Projekt\nmetadata: { name: shop }\n" },
        { "bad name", false, "apiVersion: declarative.dev/v1\nkind: Project\nmetadata: { name: -shop- }\n" },
        { "bad environment name", false, Project + "spec: { environments: { \"dev env\": {} } }\n" },
        { "unknown backend", false, Project + "spec: { state: { backend: s3 } }\n" },
        { "field of another backend", false, Project + "spec: { state: { backend: local, namespace: ops } }\n" },
        { "field without its backend", false, Project + "spec: { state: { connection: env:PG } }\n" },
        { "postgres without connection", false, Project + "spec: { state: { backend: postgres } }\n" },
        { "connection string in the file", false, Project + "spec: { state: { backend: postgres, connection: \"Host=db;Password=x\" } }\n" },
        { "bad state namespace", false, Project + "spec: { state: { backend: kubernetes, namespace: Ops_State } }\n" },
        { "module instance without source", false, Project + "spec: { modules: [ { name: web } ] }\n" },
    };

    public static TheoryData<string, bool, string> ModuleFiles() => new()
    {
        // Not just the two required fields: the default include has a *.yml glob, which matches no file here (DCL106).
        { "minimal", true, Module + "spec: { include: [\"templates/*.yaml\"] }\n" },
        {
            "typed inputs", true, Module + """
                metadata: { name: web, owner: shop }
                spec:
                  include: ["templates/*.yaml"]
                  inputs:
                    image: { type: string, default: nginx, description: the image }
                    replicas: { type: integer, default: 2 }
                    ratio: { type: number, default: 0.5 }
                    debug: { type: boolean, default: false, required: false }
                    config: { type: map, default: {} }
                    hosts: { type: list, default: [a] }
                    anything: { default: 3 }
                    empty:
                """
        },
        { "unknown key", false, Module + "spec: { input: { a: {} } }\n" },
        { "unknown input key", false, Module + "spec: { inputs: { a: { typ: string } } }\n" },
        { "wrong type", false, Module + "spec: { inputs: { a: { required: \"yes\" } } }\n" },
        { "unknown input type", false, Module + "spec: { inputs: { a: { type: float } } }\n" },
        { "default of another type", false, Module + "spec: { inputs: { a: { type: integer, default: one } } }\n" },
        { "missing kind", false, "apiVersion: declarative.dev/v1\nspec: {}\n" },
        { "nested modules", false, Module + "spec: { modules: [] }\n" },
    };

    [Theory]
    [MemberData(nameof(DockerDocuments))]
    public async Task Docker_documents(string name, bool valid, string yaml)
    {
        using var folder = new TempDirectory(new Dictionary<string, string> { ["doc.yaml"] = yaml });
        var kind = System.Text.RegularExpressions.Regex.Match(yaml, "(?m)^kind: (\\w+)").Groups[1].Value;
        var schemas = new List<string> { "docker.schema.json" };
        if (File.Exists(Path.Combine(SchemaCheck.SchemaFolder, $"{kind.ToLowerInvariant()}.schema.json")))
        {
            schemas.Add($"{kind.ToLowerInvariant()}.schema.json");
        }

        await AssertAgreement(name, valid, yaml, folder.Root, schemas);
    }

    [Theory]
    [MemberData(nameof(ProjectFiles))]
    public async Task Project_files(string name, bool valid, string yaml)
    {
        using var folder = new TempDirectory(new Dictionary<string, string> { ["declarative.yaml"] = yaml, ["manifests/settings.yaml"] = ConfigMap });

        await AssertAgreement(name, valid, yaml, folder.Root, ["project.schema.json"]);
    }

    [Theory]
    [MemberData(nameof(ModuleFiles))]
    public async Task Module_files(string name, bool valid, string yaml)
    {
        using var folder = new TempDirectory(new Dictionary<string, string>
        {
            ["declarative.yaml"] = Project + "spec:\n  include: []\n  modules: [ { name: web, source: mod } ]\n",
            ["mod/module.yaml"] = yaml,
            ["mod/templates/settings.yaml"] = ConfigMap.Replace("name: settings", "name: \"{{ module.name }}-settings\"", StringComparison.Ordinal),
        });

        await AssertAgreement(name, valid, yaml, folder.Root, ["module.schema.json"]);
    }

    private static async Task AssertAgreement(string name, bool valid, string yaml, string folder, IReadOnlyList<string> schemas)
    {
        var decl = await CliRunner.RunAsync(folder, "validate", ".");
        Assert.True(valid == (decl.ExitCode == 0), $"{name}: decl validate should {(valid ? "accept" : "refuse")} it, exit {decl.ExitCode}:\n{decl.All}");
        foreach (var schema in schemas)
        {
            var problems = SchemaCheck.Problems(SchemaCheck.Load(schema), yaml, name);
            Assert.True(valid == (problems.Count == 0), $"{name}: {schema} should {(valid ? "accept" : "refuse")} it. {string.Join("\n", problems)}\ndecl said:\n{decl.All}");
        }
    }
}
