using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Declarative.Cli.Tests.Ci;

/// <summary>
/// Runs a workflow job's <c>run:</c> steps as a GitHub runner would: each with <c>bash --noprofile --norc -eo
/// pipefail</c> in the workspace, with the workflow's, the job's and the step's <c>env</c> (expressions substituted),
/// the runner's variables (RUNNER_TEMP, GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY, ...) and what earlier steps
/// wrote to GITHUB_ENV and GITHUB_PATH; the job stops at the first step that fails. <c>uses:</c> steps (checkout,
/// setup-dotnet) have nothing to do here, and the "Install decl" step is replaced by a <c>decl</c> on PATH that runs
/// this build's decl.dll as a process. <c>gh</c> is a fake that keeps the one pull-request comment in a file.
/// </summary>
internal sealed class WorkflowRunner(GithubWorkflow workflow, string workspace, string scratch, IReadOnlyDictionary<string, string> expressions)
{
    public const string InstallStep = "Install decl";

    /// <summary>Where the fake gh keeps the comment it was given and the calls it got.</summary>
    public string GhFolder => Path.Combine(scratch, "gh");

    public string Summary => Path.Combine(scratch, "summary.md");

    public async Task<JobResult> RunJobAsync(string job, string eventName, CancellationToken cancellationToken)
    {
        var bin = Tools();
        var temp = Directory.CreateDirectory(Path.Combine(scratch, "runner-temp-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var exported = new Dictionary<string, string>(StringComparer.Ordinal);
        var paths = new List<string>();
        var steps = new List<StepResult>();
        var definition = workflow.Job(job);
        foreach (var step in ((YamlSequenceNode)definition.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>())
        {
            var name = Scalar(step, "name");
            if (Scalar(step, "run") is not { } script || name == InstallStep)
            {
                continue;
            }

            var files = new RunnerFiles(temp);
            var environment = Environment(bin, temp, eventName, files, paths);
            Add(environment, workflow.Root);
            Add(environment, definition);
            foreach (var (key, value) in exported)
            {
                environment[key] = value;
            }

            Add(environment, step);
            var result = await RunAsync(name ?? script, script, environment, cancellationToken);
            steps.Add(result);
            files.Collect(exported, paths);
            if (result.ExitCode != 0)
            {
                break;
            }
        }

        return new JobResult(steps);
    }

    private async Task<StepResult> RunAsync(string name, string script, Dictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var file = Path.Combine(scratch, $"step-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(file, script, cancellationToken);
        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-eo", "pipefail", file])
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new StepResult(name, process.ExitCode, await stdout, await stderr);
    }

    /// <summary>What a runner sets before a step: its own variables, then PATH with what GITHUB_PATH added in front.</summary>
    private Dictionary<string, string> Environment(string bin, string temp, string eventName, RunnerFiles files, List<string> paths)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = Directory.CreateDirectory(Path.Combine(scratch, "home")).FullName,
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_REPOSITORY"] = "acme/shop",
            ["GITHUB_EVENT_NAME"] = eventName,
            ["RUNNER_TEMP"] = temp,
            ["GITHUB_ENV"] = files.Env,
            ["GITHUB_PATH"] = files.Path,
            ["GITHUB_OUTPUT"] = files.Output,
            ["GITHUB_STEP_SUMMARY"] = Summary,
            ["FAKE_GH"] = GhFolder,
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var name in new[] { "DOTNET_ROOT", "DOTNET_HOST_PATH" })
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        environment["PATH"] = string.Join(':', paths.AsEnumerable().Reverse().Append(bin).Append(System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin"));
        return environment;
    }

    private void Add(Dictionary<string, string> environment, YamlMappingNode node)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode("env"), out var env))
        {
            return;
        }

        foreach (var (key, value) in ((YamlMappingNode)env).Children)
        {
            environment[((YamlScalarNode)key).Value!] = GithubWorkflow.Substitute(((YamlScalarNode)value).Value!, expressions);
        }
    }

    /// <summary>decl (this build, as a process) and the fake gh, in a folder put first on PATH.</summary>
    private string Tools()
    {
        var bin = Directory.CreateDirectory(Path.Combine(scratch, "bin")).FullName;
        Directory.CreateDirectory(GhFolder);
        var dotnet = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        Write(Path.Combine(bin, "decl"), $"#!/bin/sh\nexec '{dotnet}' '{Path.Combine(AppContext.BaseDirectory, "decl.dll")}' \"$@\"\n");
        Write(Path.Combine(bin, "gh"), """
            #!/bin/bash
            # A fake gh: records its calls; the comment list answers with id 4242 once a comment exists; POST and PATCH
            # keep the body they were given (-F body=@FILE) as the one comment.
            echo "$*" >> "$FAKE_GH/calls"
            if [[ " $* " == *" --jq "* ]]; then
              if [ -f "$FAKE_GH/comment.md" ]; then echo 4242; fi
              exit 0
            fi
            for arg in "$@"; do
              case "$arg" in body=@*) cp "${arg#body=@}" "$FAKE_GH/comment.md" ;; esac
            done

            """);
        return bin;
    }

    private static void Write(string path, string text)
    {
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    /// <summary>The files a step writes to talk to the runner, new for each step as on GitHub.</summary>
    private sealed class RunnerFiles
    {
        public RunnerFiles(string temp)
        {
            var id = Guid.NewGuid().ToString("N")[..8];
            Env = System.IO.Path.Combine(temp, $"env-{id}");
            Path = System.IO.Path.Combine(temp, $"path-{id}");
            Output = System.IO.Path.Combine(temp, $"output-{id}");
            foreach (var file in new[] { Env, Path, Output })
            {
                File.WriteAllText(file, string.Empty);
            }
        }

        public string Env { get; }

        public string Path { get; }

        public string Output { get; }

        /// <summary>NAME=value lines of GITHUB_ENV and folders of GITHUB_PATH, for the steps after this one.</summary>
        public void Collect(Dictionary<string, string> exported, List<string> paths)
        {
            foreach (var line in File.ReadAllLines(Env).Where(l => l.Length > 0))
            {
                var equals = line.IndexOf('=', StringComparison.Ordinal);
                Assert.True(equals > 0, $"The test reads GITHUB_ENV lines NAME=value only, not \"{line}\".");
                exported[line[..equals]] = line[(equals + 1)..];
            }

            paths.AddRange(File.ReadAllLines(Path).Where(l => l.Length > 0));
        }
    }
}

internal sealed record StepResult(string Name, int ExitCode, string Stdout, string Stderr);

internal sealed record JobResult(IReadOnlyList<StepResult> Steps)
{
    /// <summary>Every step ran and exited 0: the job is green.</summary>
    public bool Succeeded => Steps.All(s => s.ExitCode == 0);

    public StepResult Step(string name) => Assert.Single(Steps, s => s.Name == name);

    public string Transcript => string.Join("\n", Steps.Select(s => $"--- {s.Name}: exit {s.ExitCode}\n{s.Stdout}{s.Stderr}"));
}
