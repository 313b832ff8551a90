using System.Diagnostics;
using System.Text.Json.Nodes;
using Declarative.Cli.Tests;
using Declarative.Cli.Tests.Processes;
using Declarative.Testing;

namespace Declarative.Reliability.Tests.BadInput;

/// <summary>
/// Issue 17, part 4: a seeded generator breaks the valid <see cref="BaseProject"/> RELIABILITY_INPUTS times (every
/// <see cref="MutationKind"/> in turn) and `decl validate` must answer each with a located DCL error and exit code 1,
/// within <see cref="Limit"/>, never a crash, a hang or a stack trace. In-process for speed (the Cli entry point, as
/// the Cli tests run it); one input of each kind again as a real process, where a stack overflow or an unhandled
/// exception would show as a crash.
/// </summary>
public sealed class BadInputFuzzTests
{
    /// <summary>Generous for a busy 2-core machine; an alias bomb that were expanded would take minutes.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private readonly ReliabilitySettings settings = ReliabilitySettings.FromEnvironment();

    [Fact]
    public async Task The_base_project_is_valid()
    {
        using var dir = Write(BaseProject.Files());

        var result = await CliRunner.RunAsync(dir.Root, "validate");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("dev (6 resources)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generator_is_repeatable_and_changes_the_project()
    {
        var first = new ManifestMutator(settings.Seed);
        var second = new ManifestMutator(settings.Seed);
        var original = BaseProject.Files();
        foreach (var kind in Enum.GetValues<MutationKind>())
        {
            var a = first.Create(0, kind);
            var b = second.Create(0, kind);
            Assert.Equal(a.Description, b.Description);
            Assert.Contains(a.Files, f => !original[f.Key].AsSpan().SequenceEqual(f.Value));
        }
    }

    [Fact]
    public async Task A_byte_that_is_not_UTF8_is_located_at_its_line_and_column()
    {
        var files = BaseProject.Files();
        files[BaseProject.ValuesFile] = [.. "replicas: 2\nimage: \"ng"u8, 0xE9, .. "\"\n"u8];
        using var dir = Write(files);

        var result = await CliRunner.RunAsync(dir.Root, "validate");

        Assert.True(result.ExitCode == 1, result.All);
        Assert.Contains("error: values.yaml:2:11: DCL101 File is not valid UTF-8", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Byte 0xE9 at line 2, column 11", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_broken_input_is_a_located_DCL_error_with_exit_code_1()
    {
        var mutator = new ManifestMutator(settings.Seed);
        var kinds = Enum.GetValues<MutationKind>();
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        var byKind = kinds.ToDictionary(k => k, _ => 0);
        for (var index = 0; index < settings.Inputs; index++)
        {
            var input = mutator.Create(index, kinds[index % kinds.Length]);
            byKind[input.Kind]++;
            using var dir = Write(input.Files);
            var clock = Stopwatch.StartNew();
            CliResult result;
            try
            {
                result = await CliRunner.RunAsync(dir.Root, "validate").WaitAsync(Limit);
            }
            catch (TimeoutException)
            {
                failures.Add($"{input}: no answer within {Limit.TotalSeconds:0} s");
                continue;
            }
            catch (Exception exception)
            {
                failures.Add($"{input}: crashed with {exception.GetType().Name}: {ValidateVerdict.Shorten(exception.Message)}");
                continue;
            }

            var took = clock.Elapsed;
            slowest = took > slowest ? took : slowest;
            if (ValidateVerdict.Judge(input, result, took, Limit) is { } wrong)
            {
                failures.Add($"{input}: {wrong}\n{ValidateVerdict.Shorten(result.All)}");
            }
        }

        var details = new JsonObject { ["slowestSeconds"] = Math.Round(slowest.TotalSeconds, 2) };
        foreach (var (kind, count) in byKind)
        {
            details[kind.ToString()] = count;
        }

        SuiteResults.Write(settings, "bad-input", "broken projects, `decl validate` in-process", settings.Inputs, settings.Inputs - failures.Count, failures, details);
        Assert.True(failures.Count == 0, $"{failures.Count} of {settings.Inputs} inputs were answered wrongly (seed {settings.Seed}):\n\n{string.Join("\n\n", failures)}");
    }

    [Fact]
    public async Task One_input_of_each_kind_as_a_process_is_a_located_error_not_a_crash()
    {
        var mutator = new ManifestMutator(settings.Seed + 1);
        var failures = new List<string>();
        var kinds = Enum.GetValues<MutationKind>();
        foreach (var kind in kinds)
        {
            var input = mutator.Create((int)kind, kind);
            using var dir = Write(input.Files);
            var clock = Stopwatch.StartNew();
            await using var decl = DeclProcess.Start(dir.Root, new Dictionary<string, string> { ["HOME"] = dir.Root }, ["validate"]);
            var exitCode = await decl.WaitForExitAsync(Limit + TimeSpan.FromSeconds(10));
            var result = new CliResult(exitCode, decl.Stdout + "\n", decl.Stderr);
            if (ValidateVerdict.Judge(input, result, clock.Elapsed, Limit + TimeSpan.FromSeconds(10)) is { } wrong)
            {
                failures.Add($"{input}: {wrong}\n{ValidateVerdict.Shorten(result.All)}");
            }
        }

        SuiteResults.Write(settings, "bad-input-process", "broken projects, `decl validate` as a process", kinds.Length, kinds.Length - failures.Count, failures);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static TempDirectory Write(IReadOnlyDictionary<string, byte[]> files)
    {
        var dir = new TempDirectory();
        foreach (var (path, bytes) in files)
        {
            var full = dir.PathOf(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }

        return dir;
    }
}
