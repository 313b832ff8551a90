using Declarative.Testing;

namespace Declarative.Cli.Tests.Completion;

/// <summary>
/// Shell completion (docs/completion.md): what <c>decl complete -- WORD...</c> offers for a partly typed command line
/// (commands, options, option values, the environments of the project in the folder, the revisions in its local
/// state for <c>--to</c>), that <c>decl completion SHELL</c> prints a script each shell present here accepts, and a
/// real round trip through bash: the script sourced, COMP_WORDS set as bash sets them, COMPREPLY read back.
/// </summary>
public sealed class CompletionTests : IDisposable
{
    private const string ProjectFile = """
        apiVersion: declarative.dev/v1
        kind: Project
        metadata: {name: shop}
        spec:
          environments:
            dev: {}
            prod: {}
            preview: {}

        """;

    private readonly TempDirectory dir = new(new Dictionary<string, string>
    {
        ["shop/declarative.yaml"] = ProjectFile,
        ["shop/.declarative/state/prod/revision-000001.json"] = "{}",
        ["shop/.declarative/state/prod/revision-000002.json"] = "{}",
        ["shop/.declarative/state/prod/revision-000010.json"] = "{}",
        ["shop/.declarative/state/prod/revision-000010.journal.jsonl"] = string.Empty,
        ["shop/.declarative/state/prod/lock.json"] = "{}",
    });

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task An_empty_word_after_decl_completes_every_command_and_the_common_options_but_not_the_hidden_one()
    {
        var candidates = await CompleteAsync(dir.Root, string.Empty);

        Assert.Subset(candidates.ToHashSet(), new HashSet<string> { "validate", "render", "graph", "plan", "apply", "destroy", "drift", "rollback", "history", "state", "completion", "--env", "--set", "--no-color", "--help", "--version" });
        Assert.DoesNotContain("complete", candidates);
        Assert.DoesNotContain(candidates, c => c.StartsWith('/') || c == "-?");
    }

    [Theory]
    [InlineData("pl", "plan")]
    [InlineData("ro", "rollback")]
    [InlineData("comp", "completion")]
    public async Task A_partly_typed_command_completes_to_the_commands_that_start_with_it(string typed, string expected)
    {
        Assert.Equal([expected], await CompleteAsync(dir.Root, typed));
    }

    [Fact]
    public async Task Options_of_the_command_and_the_values_an_option_accepts_complete()
    {
        Assert.Contains("--detailed-exitcode", await CompleteAsync(dir.Root, "plan", "--d"));
        Assert.Equal(["dot", "mermaid", "text"], (await CompleteAsync(dir.Root, "graph", "--format", string.Empty)).Order(StringComparer.Ordinal));
        Assert.Equal(["bash"], await CompleteAsync(dir.Root, "completion", "b"));
    }

    [Fact]
    public async Task Env_completes_the_environments_of_the_project_in_the_current_folder_or_in_the_dir_typed_and_nothing_for_a_missing_folder()
    {
        Assert.Equal(["dev", "preview", "prod"], (await CompleteAsync(dir.PathOf("shop"), "plan", "--env", string.Empty)).Order(StringComparer.Ordinal));
        Assert.Equal(["preview", "prod"], (await CompleteAsync(dir.Root, "plan", "shop", "-e", "pr")).Order(StringComparer.Ordinal));
        // A folder of plain manifests is a project with its one implicit environment.
        Assert.Equal([Core.Manifests.WellKnown.ImplicitEnvironment], await CompleteAsync(dir.Root, "plan", "--env", string.Empty));
        Assert.Empty(await CompleteAsync(dir.Root, "plan", "no-such-folder", "--env", string.Empty));
    }

    [Fact]
    public async Task Rollback_to_completes_the_revision_numbers_in_the_local_state_newest_first()
    {
        Assert.Equal(["10", "2", "1"], await CompleteAsync(dir.PathOf("shop"), "rollback", "--env", "prod", "--to", string.Empty));
        Assert.Equal(["10", "1"], await CompleteAsync(dir.Root, "rollback", "shop", "--env", "prod", "--to", "1"));
        Assert.Empty(await CompleteAsync(dir.PathOf("shop"), "rollback", "--env", "dev", "--to", string.Empty));
    }

    [Fact]
    public async Task Completion_prints_the_script_of_each_shell_and_refuses_an_unknown_one()
    {
        foreach (var (shell, marker) in new[] { ("bash", "complete -o default -o nosort -F _decl_complete decl"), ("zsh", "#compdef decl"), ("fish", "complete -c decl"), ("pwsh", "Register-ArgumentCompleter -Native -CommandName decl") })
        {
            var result = await CliRunner.RunAsync(dir.Root, "completion", shell);
            Assert.True(result.ExitCode == 0, result.All);
            Assert.Contains(marker, result.Stdout, StringComparison.Ordinal);
            Assert.Contains("complete --", result.Stdout, StringComparison.Ordinal);
        }

        var unknown = await CliRunner.RunAsync(dir.Root, "completion", "tcsh");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("tcsh", unknown.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bash", "-n")]
    [InlineData("zsh", "-n")]
    [InlineData("fish", "--no-execute")]
    [InlineData("pwsh", null)]
    public async Task Each_script_is_valid_syntax_for_its_shell_where_that_shell_is_installed(string shell, string? checkFlag)
    {
        var script = (await CliRunner.RunAsync(dir.Root, "completion", shell)).Stdout;
        var executable = ShellScripts.Find(shell == "pwsh" ? "pwsh" : shell);
        if (executable is null)
        {
            // Only bash is certain on a test machine; the others are checked wherever they are installed.
            Assert.NotEmpty(script);
            return;
        }

        var path = dir.Write($"decl.{shell}", script);
        var result = checkFlag is null
            ? await ShellScripts.RunAsync(executable, dir.Root, "-NoProfile", "-NonInteractive", "-Command", $"$errors = $null; [System.Management.Automation.Language.Parser]::ParseFile('{path}', [ref]$null, [ref]$errors) | Out-Null; if ($errors) {{ $errors; exit 1 }}")
            : await ShellScripts.RunAsync(executable, dir.Root, checkFlag, path);
        Assert.True(result.ExitCode == 0, $"{shell} rejects the script:\n{result.Output}");
    }

    [Fact]
    public async Task Bash_completes_through_the_sourced_script_calling_the_decl_it_completes()
    {
        var bash = ShellScripts.Find("bash") ?? throw new InvalidOperationException("bash is not installed; the completion round trip needs it.");
        var script = dir.Write("decl.bash", (await CliRunner.RunAsync(dir.Root, "completion", "bash")).Stdout);

        var bin = DeclOnPath();

        async Task<string[]> CompleteInBash(params string[] words)
        {
            var array = string.Join(' ', words.Select(w => $"'{w}'"));
            var program = $$"""
                source '{{script}}'
                COMP_WORDS=({{array}})
                COMP_CWORD={{words.Length - 1}}
                COMP_LINE="${COMP_WORDS[*]}"
                COMP_POINT=${#COMP_LINE}
                _decl_complete
                printf '%s\n' "${COMPREPLY[@]}"
                """;
            var result = await ShellScripts.RunAsync(bash, dir.PathOf("shop"), new Dictionary<string, string> { ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}" }, "-c", program);
            Assert.True(result.ExitCode == 0, result.Output);
            return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        Assert.Equal(["plan"], await CompleteInBash("decl", "pl"));
        Assert.Equal(["dev", "preview", "prod"], (await CompleteInBash("decl", "apply", "--env", string.Empty)).Order(StringComparer.Ordinal));
        Assert.Equal(["10", "2", "1"], await CompleteInBash("decl", "rollback", "-e", "prod", "--to", string.Empty));
    }

    [Fact]
    public async Task Fish_completes_through_the_sourced_script_where_fish_is_installed()
    {
        if (ShellScripts.Find("fish") is not { } fish)
        {
            return;
        }

        var script = dir.Write("decl.fish", (await CliRunner.RunAsync(dir.Root, "completion", "fish")).Stdout);
        var bin = DeclOnPath();

        // `complete -C LINE` prints what fish would offer at the end of LINE, one candidate per line (tab, description).
        async Task<string[]> CompleteInFish(string line)
        {
            var result = await ShellScripts.RunAsync(fish, dir.PathOf("shop"), new Dictionary<string, string> { ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}" }, "--no-config", "-c", $"source '{script}'; complete -C '{line}'");
            Assert.True(result.ExitCode == 0, result.Output);
            return [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0])];
        }

        Assert.Contains("plan", await CompleteInFish("decl pl"));
        Assert.DoesNotContain("apply", await CompleteInFish("decl pl"));
        Assert.Equal(["dev", "preview", "prod"], (await CompleteInFish("decl apply --env ")).Order(StringComparer.Ordinal));
    }

    /// <summary>A folder holding `decl`, as a user has it on PATH after `dotnet tool install`: here a wrapper around the
    /// decl.dll beside the tests.</summary>
    private string DeclOnPath()
    {
        var bin = Directory.CreateDirectory(dir.PathOf("bin")).FullName;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath) ? hostPath : "dotnet";
        var decl = dir.Write("bin/decl", $"#!/bin/sh\nexec '{host}' '{Path.Combine(AppContext.BaseDirectory, "decl.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(decl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return bin;
    }

    private static async Task<string[]> CompleteAsync(string workingDirectory, params string[] words)
    {
        var result = await CliRunner.RunAsync(workingDirectory, ["complete", "--", .. words]);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(string.Empty, result.Stderr);
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
