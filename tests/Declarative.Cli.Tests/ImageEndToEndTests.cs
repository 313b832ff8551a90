using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Declarative.Testing.Docker;

namespace Declarative.Cli.Tests;

/// <summary>Images end to end: the real CLI builds on the real engine, pushes to the test registries and runs
/// Containers from `${image:NAME}`; `docker` and the registry's own API are the witnesses.</summary>
public sealed class ImageEndToEndTests
{
    [DockerFact]
    public async Task Apply_builds_and_pushes_then_plan_has_no_changes_and_the_container_runs_the_pinned_reference()
    {
        await using var project = await DockerProject.CreateAsync("img-push");
        var port = DockerProject.FreePort();
        var repository = RepositoryOf(project, "web");
        WriteSite(project, "web", "Hello from a pushed image\n");
        project.Write("web.yaml", OpenRegistryDocument() + ImageDocument("web", repository, "open") + ContainerDocument(project, "web", port));

        var plan = await project.DeclAsync("plan", "--detailed-exitcode");
        Assert.True(plan.ExitCode == 2, plan.All);
        Assert.Contains("+ build Image.docker.declarative.dev/web", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("+ spec.image: (known after apply)", plan.Stdout, StringComparison.Ordinal);

        var apply = await project.DeclAsync("apply", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains($"The push refers to repository [{repository}]", apply.Stdout, StringComparison.Ordinal);

        var again = await project.DeclAsync("plan", "--detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("No changes.", again.Stdout, StringComparison.Ordinal);
        var running = await DockerProject.InspectAsync(ContainerName(project, "web"), "{{.Config.Image}}");
        var pinned = Regex.Match(running, $"^{Regex.Escape(repository)}:(in1-[0-9a-f]{{12}})@(sha256:[0-9a-f]{{64}})$");
        Assert.True(pinned.Success, $"The container runs {running}, not {repository}:in1-<12 hex>@sha256:<digest>.");
        Assert.Equal(await RegistryDigestAsync(repository, pinned.Groups[1].Value), pinned.Groups[2].Value);
        Assert.Equal("Hello from a pushed image\n", await GetAsync(port));
    }

    [DockerFact]
    public async Task Editing_a_file_of_one_image_rebuilds_only_that_image_and_replaces_only_its_container()
    {
        await using var project = await DockerProject.CreateAsync("img-two");
        var (apiPort, webPort) = (DockerProject.FreePort(), DockerProject.FreePort());
        WriteSite(project, "api", "api v1\n");
        WriteSite(project, "web", "web v1\n");
        project.Write("stack.yaml",
            OpenRegistryDocument()
            + ImageDocument("api", RepositoryOf(project, "api"), "open") + ContainerDocument(project, "api", apiPort)
            + ImageDocument("web", RepositoryOf(project, "web"), "open") + ContainerDocument(project, "web", webPort));
        var first = await project.DeclAsync("apply", "--auto-approve");
        Assert.True(first.ExitCode == 0, first.All);
        var apiContainer = await DockerProject.InspectAsync(ContainerName(project, "api"), "{{.Id}}");
        var webContainer = await DockerProject.InspectAsync(ContainerName(project, "web"), "{{.Id}}");

        project.Write("web/www/index.html", "web v2\n");
        var plan = await project.DeclAsync("plan", "--detailed-exitcode");

        Assert.True(plan.ExitCode == 2, plan.All);
        Assert.Contains("+ build Image.docker.declarative.dev/web", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains($"-/+ replace Container.docker.declarative.dev/{ContainerName(project, "web")}", plan.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Image.docker.declarative.dev/api", plan.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(ContainerName(project, "api"), plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("Plan: 0 to create, 1 to update, 1 to replace, 0 to delete.", plan.Stdout, StringComparison.Ordinal);

        var apply = await project.DeclAsync("apply", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Equal("web v2\n", await GetAsync(webPort));
        Assert.Equal("api v1\n", await GetAsync(apiPort));
        Assert.NotEqual(webContainer, await DockerProject.InspectAsync(ContainerName(project, "web"), "{{.Id}}"));
        Assert.Equal(apiContainer, await DockerProject.InspectAsync(ContainerName(project, "api"), "{{.Id}}"));
    }

    [DockerFact]
    public async Task A_file_excluded_by_dockerignore_and_a_touched_file_change_nothing_but_an_edited_file_does()
    {
        await using var project = await DockerProject.CreateAsync("img-ignore");
        WriteSite(project, "web", "same content\n");
        // An allow-list, as many projects write it: docker still sends the Dockerfile it excludes.
        project.Write("web/.dockerignore", "# only the site goes into the image\n*\n!www\n");
        project.Write("web/NOTES.md", "first notes\n");
        project.Write("web.yaml", OpenRegistryDocument() + ImageDocument("web", RepositoryOf(project, "web"), "open") + ContainerDocument(project, "web", DockerProject.FreePort()));
        var apply = await project.DeclAsync("apply", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.All);

        project.Write("web/NOTES.md", "notes rewritten after the apply\n");
        project.Write("web/scratch/build.log", "a file in an ignored folder\n");
        await AssertNoChangesAsync(project, "after editing files that .dockerignore excludes");

        var page = project.PathOf("web/www/index.html");
        File.SetLastWriteTimeUtc(page, File.GetLastWriteTimeUtc(page).AddHours(1));
        await AssertNoChangesAsync(project, "after touching a file (new mtime, same content)");

        project.Write("web/www/index.html", "new content\n");
        var edited = await project.DeclAsync("plan", "--detailed-exitcode");
        Assert.True(edited.ExitCode == 2, edited.All);
        Assert.Contains("+ build Image.docker.declarative.dev/web", edited.Stdout, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task A_target_stage_builds_only_up_to_that_stage_and_a_local_image_is_named_after_the_project()
    {
        await using var project = await DockerProject.CreateAsync("img-target");
        var marker = TestImages.UniqueName("final-stage-ran");
        project.Write("tool/Dockerfile", $"""
            FROM {TestImages.BusyboxImage} AS build
            LABEL stage=build
            RUN mkdir /www && echo built > /www/built.txt
            FROM build AS final
            LABEL stage=final
            RUN echo {marker} && echo final > /www/final.txt

            """);
        project.Write("tool.yaml", """
            apiVersion: docker.declarative.dev/v1
            kind: Image
            metadata: {name: tool}
            spec: {context: tool, target: build}

            """ + ContainerDocument(project, "tool", DockerProject.FreePort()));

        var apply = await project.DeclAsync("apply", "--auto-approve");

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.DoesNotContain(marker, apply.All, StringComparison.Ordinal);
        var container = ContainerName(project, "tool");
        var image = await DockerProject.InspectAsync(container, "{{.Config.Image}}");
        Assert.Matches($"^{Regex.Escape(project.Name)}-tool:in1-[0-9a-f]{{12}}$", image);
        Assert.Equal("build", await DockerProject.InspectAsync(image, "{{index .Config.Labels \"stage\"}}"));
        var files = await DockerCli.RunAsync(["exec", container, "ls", "/www"], CancellationToken.None);
        Assert.Equal("built.txt", files.StandardOutput.Trim());
        await AssertNoChangesAsync(project, "after building a local-only image");
    }

    [DockerFact]
    public async Task A_wrong_registry_password_fails_the_push_naming_the_registry_and_skips_the_container_and_the_right_one_pushes()
    {
        await using var project = await DockerProject.CreateAsync("img-auth");
        var services = DockerTestServices.Current;
        var wrongPassword = TestImages.UniqueName("not-the-password");
        var repository = $"{services.AuthRegistry}/declarative-tests/{project.Name}-web";
        WriteSite(project, "web", "behind a password\n");
        project.Write("web.yaml", $$"""
            apiVersion: docker.declarative.dev/v1
            kind: Registry
            metadata: {name: private}
            spec:
              server: {{services.AuthRegistry}}
              username: {{services.AuthUser}}
              password: {fromEnv: REGISTRY_PASSWORD}

            """ + ImageDocument("web", repository, "private") + ContainerDocument(project, "web", DockerProject.FreePort()));

        var failed = await project.DeclAsync(new Dictionary<string, string> { ["REGISTRY_PASSWORD"] = wrongPassword }, "apply", "--auto-approve");

        Assert.True(failed.ExitCode == 1, failed.All);
        Assert.Contains($"authentication to {services.AuthRegistry} failed for {services.AuthUser}", failed.All, StringComparison.Ordinal);
        Assert.Contains($"Container.docker.declarative.dev/{ContainerName(project, "web")}: skipped", failed.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 failed, 1 skipped", failed.All, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongPassword, failed.All, StringComparison.Ordinal);
        AssertNotInState(project, wrongPassword);
        var leftovers = await DockerCli.RunAsync(["ps", "-aq", "--filter", $"name={ContainerName(project, "web")}"], CancellationToken.None);
        Assert.Empty(leftovers.StandardOutput.Trim());

        var right = new Dictionary<string, string> { ["REGISTRY_PASSWORD"] = services.AuthPassword };
        var plan = await project.DeclAsync(right, "plan", "--detailed-exitcode");
        Assert.True(plan.ExitCode == 2, plan.All);
        Assert.Contains("+ push Image.docker.declarative.dev/web", plan.Stdout, StringComparison.Ordinal);
        var pushed = await project.DeclAsync(right, "apply", "--auto-approve");
        Assert.True(pushed.ExitCode == 0, pushed.All);
        Assert.Contains($"The push refers to repository [{repository}]", pushed.Stdout, StringComparison.Ordinal);
        var again = await project.DeclAsync(right, "plan", "--detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("No changes.", again.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(services.AuthPassword, pushed.All + again.All, StringComparison.Ordinal);
        AssertNotInState(project, services.AuthPassword);
        Assert.StartsWith($"{repository}:in1-", await DockerProject.InspectAsync(ContainerName(project, "web"), "{{.Config.Image}}"), StringComparison.Ordinal);
    }

    [DockerTheory]
    [InlineData("literal")]
    [InlineData("fromFile")]
    public async Task A_registry_password_written_in_the_document_or_read_from_a_file_pushes_and_is_never_stored_in_clear(string form)
    {
        await using var project = await DockerProject.CreateAsync("img-cred");
        var services = DockerTestServices.Current;
        var repository = $"{services.AuthRegistry}/declarative-tests/{project.Name}-web";
        var password = form == "literal" ? services.AuthPassword : "{fromFile: secrets/registry-password}";
        project.Write("secrets/registry-password", services.AuthPassword + "\n");
        WriteSite(project, "web", "pushed with a password\n");
        project.Write("web.yaml", $$"""
            apiVersion: docker.declarative.dev/v1
            kind: Registry
            metadata: {name: private}
            spec:
              server: {{services.AuthRegistry}}
              username: {{services.AuthUser}}
              password: {{password}}

            """ + ImageDocument("web", repository, "private"));

        var apply = await project.DeclAsync("apply", "--auto-approve");

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains($"The push refers to repository [{repository}]", apply.Stdout, StringComparison.Ordinal);
        var again = await project.DeclAsync("plan", "--detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.All);
        Assert.DoesNotContain(services.AuthPassword, apply.All + again.All, StringComparison.Ordinal);
        AssertNotInState(project, services.AuthPassword);
    }

    [DockerFact]
    public async Task Build_arguments_and_the_platform_reach_the_build_and_a_changed_argument_plans_a_build()
    {
        await using var project = await DockerProject.CreateAsync("img-args");
        project.Write("app/Dockerfile", $"""
            FROM {TestImages.BusyboxImage}
            ARG GREETING=unset
            ARG WORKERS
            RUN mkdir /www && echo "$GREETING with $WORKERS workers" > /www/index.html

            """);
        var document = """
            apiVersion: docker.declarative.dev/v1
            kind: Image
            metadata: {name: app}
            spec:
              context: app
              platform: linux/amd64
              buildArgs: {GREETING: bonjour, WORKERS: 4}

            """;
        var port = DockerProject.FreePort();
        project.Write("app.yaml", document + ContainerDocument(project, "app", port));

        var apply = await project.DeclAsync("apply", "--auto-approve");

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Equal("bonjour with 4 workers\n", await GetAsync(port));
        var image = await DockerProject.InspectAsync(ContainerName(project, "app"), "{{.Image}}");
        Assert.Equal("linux/amd64", await DockerProject.InspectAsync(image, "{{.Os}}/{{.Architecture}}"));
        project.Write("app.yaml", document.Replace("bonjour", "hola", StringComparison.Ordinal) + ContainerDocument(project, "app", port));
        var plan = await project.DeclAsync("plan", "--detailed-exitcode");
        Assert.True(plan.ExitCode == 2, plan.All);
        Assert.Contains("+ build Image.docker.declarative.dev/app", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains($"-/+ replace Container.docker.declarative.dev/{ContainerName(project, "app")}", plan.Stdout, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task A_failing_RUN_step_fails_the_apply_with_the_step_error_and_the_last_lines_of_the_build()
    {
        await using var project = await DockerProject.CreateAsync("img-fail");
        project.Write("app/Dockerfile", $"""
            FROM {TestImages.BusyboxImage}
            RUN echo compiling the app && echo "error: missing semicolon at main.c:3" >&2 && exit 3

            """);
        project.Write("app.yaml", """
            apiVersion: docker.declarative.dev/v1
            kind: Image
            metadata: {name: app}
            spec: {context: app}

            """ + ContainerDocument(project, "app", DockerProject.FreePort()));

        var apply = await project.DeclAsync("apply", "--auto-approve");

        Assert.True(apply.ExitCode == 1, apply.All);
        Assert.Contains($"Building image app from {project.PathOf("app")} failed: The command '/bin/sh -c echo compiling the app", apply.All, StringComparison.Ordinal);
        Assert.Contains("returned a non-zero code: 3", apply.All, StringComparison.Ordinal);
        Assert.Contains("Last lines of the build:", apply.All, StringComparison.Ordinal);
        // The step's own output, stdout and stderr (their order between each other is the engine's), as evidence lines.
        Assert.True(apply.All.Contains("\n  compiling the app\n", StringComparison.Ordinal), apply.All);
        Assert.True(apply.All.Contains("\n  error: missing semicolon at main.c:3\n", StringComparison.Ordinal), apply.All);
        Assert.DoesNotContain("\u001b", apply.All, StringComparison.Ordinal);
        Assert.Contains($"Container.docker.declarative.dev/{ContainerName(project, "app")}: skipped", apply.Stdout, StringComparison.Ordinal);
        Assert.Contains("Apply failed: 0 applied, 0 deleted, 1 failed, 1 skipped.", apply.Stdout, StringComparison.Ordinal);
    }

    private static async Task AssertNoChangesAsync(DockerProject project, string when)
    {
        var plan = await project.DeclAsync("plan", "--detailed-exitcode");
        Assert.True(plan.ExitCode == 0 && plan.Stdout.Contains("No changes.", StringComparison.Ordinal), $"Expected no changes {when}.\n{plan.All}");
    }

    private static void AssertNotInState(DockerProject project, string secret)
    {
        foreach (var file in Directory.GetFiles(project.StateDirectory, "*", SearchOption.AllDirectories))
        {
            Assert.False(File.ReadAllText(file).Contains(secret, StringComparison.Ordinal), $"{file} holds the password.");
        }
    }

    private static string RepositoryOf(DockerProject project, string image) =>
        $"{DockerTestServices.Current.Registry}/declarative-tests/{project.Name}-{image}";

    private static string ContainerName(DockerProject project, string image) => $"{project.Name}-{image}";

    /// <summary>A context folder NAME with a Dockerfile that copies www/ into an image on the test busybox.</summary>
    private static void WriteSite(DockerProject project, string name, string page)
    {
        project.Write($"{name}/Dockerfile", $"FROM {TestImages.BusyboxImage}\nCOPY www /www\n");
        project.Write($"{name}/www/index.html", page);
    }

    /// <summary>The Registry "open": the test registry without authentication.</summary>
    private static string OpenRegistryDocument() => $$"""
        apiVersion: docker.declarative.dev/v1
        kind: Registry
        metadata: {name: open}
        spec: {server: {{DockerTestServices.Current.Registry}}}

        """;

    private static string ImageDocument(string name, string repository, string registry) => $$"""
        ---
        apiVersion: docker.declarative.dev/v1
        kind: Image
        metadata: {name: {{name}}}
        spec: {context: {{name}}, repository: {{repository}}, registry: {{registry}}}

        """;

    /// <summary>A busybox httpd serving /www of the Image NAME on 127.0.0.1:PORT.</summary>
    private static string ContainerDocument(DockerProject project, string image, int port) => $$"""
        ---
        apiVersion: docker.declarative.dev/v1
        kind: Container
        metadata: {name: {{ContainerName(project, image)}}}
        spec:
          image: ${image:{{image}}}
          command: httpd -f -p 8080 -h /www
          ports: ["127.0.0.1:{{port}}:8080"]
          stopTimeout: 1

        """;

    private static async Task<string> GetAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>The digest the registry itself gives for REPOSITORY:TAG (HEAD of the manifest, open registry).</summary>
    private static async Task<string?> RegistryDigestAsync(string repository, string tag)
    {
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri($"http://{repository[..slash]}/v2/{repository[(slash + 1)..]}/manifests/{tag}"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.docker.distribution.manifest.v2+json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.oci.image.manifest.v1+json"));
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"The registry answered {(int)response.StatusCode} for {repository}:{tag}.");
        return response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.Single() : null;
    }
}
