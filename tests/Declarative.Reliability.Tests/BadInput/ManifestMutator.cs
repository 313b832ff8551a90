using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Declarative.Reliability.Tests.BadInput;

/// <summary>
/// Turns <see cref="BaseProject"/> into broken projects, one <see cref="MutationKind"/> each, from a seeded random
/// sequence: the same seed gives the same inputs. Every mutation is chosen so that the result cannot be valid (a cut
/// falls inside a quote or a flow collection, a duplicated key stays in its map), so "0 errors" is always a defect.
/// </summary>
internal sealed partial class ManifestMutator(int seed)
{
    /// <summary>10 MiB, the issue's "10 MB scalars".</summary>
    public const int HugeScalarLength = 10 * 1024 * 1024;

    private static readonly string[] DockerKinds = ["Container", "Image", "Registry", "Volume", "Network"];

    private readonly Random random = new(seed);

    public MutatedInput Create(int index, MutationKind kind)
    {
        var files = BaseProject.Files();
        var (description, fault) = kind switch
        {
            MutationKind.TruncatedFile => Truncate(files),
            MutationKind.TabIndentation => Tab(files),
            MutationKind.WrongType => WrongType(files),
            MutationKind.UnknownKind => UnknownKind(files),
            MutationKind.DuplicateKey => DuplicateKey(files),
            MutationKind.InvalidUtf8 => InvalidUtf8(files),
            MutationKind.HugeScalar => HugeScalar(files),
            MutationKind.DeepNesting => DeepNesting(files),
            MutationKind.AliasBomb => AliasBomb(files),
            MutationKind.UnbalancedTemplate => Template(files, ["{{ values.replicas", "{{ if values.replicas }}2", "{{ end }}", "{{ (values.replicas }}", "{{ values.replicas | }}", "{{ for r in values.tier }}"]),
            MutationKind.UndefinedTemplateValue => Template(files, ["{{ values.nope }}", "{{ values.tier.nope }}", "{{ values.replicas | no_such_function }}", "{{ values.nope.deeper }}"]),
            MutationKind.DependencyCycle => Cycle(files),
            MutationKind.MissingReference => MissingReference(files),
            MutationKind.ValuesFileIsList => ValuesList(files),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no mutation of this kind"),
        };
        return new MutatedInput(index, kind, description, files, fault);
    }

    private (string, string?) Truncate(Dictionary<string, byte[]> files)
    {
        var file = Pick([BaseProject.ProjectFile, BaseProject.ValuesFile, .. BaseProject.Manifests]);
        var text = Text(files, file);
        var lines = Lines(text).Where(l => OpenerAndCloser(l.Text) is not null).ToList();
        var line = Pick(lines);
        var (open, close) = OpenerAndCloser(line.Text)!.Value;
        var cut = line.Start + random.Next(open + 1, close + 1);
        files[file] = Encoding.UTF8.GetBytes(text[..cut]);
        return ($"{file} cut after {cut} characters, inside \"{line.Text.Trim()}\"", file);
    }

    private (string, string?) Tab(Dictionary<string, byte[]> files)
    {
        var file = Pick([BaseProject.ProjectFile, .. BaseProject.Manifests]);
        var text = Text(files, file);
        var line = Pick(Lines(text).Where(l => l.Text.StartsWith("  ", StringComparison.Ordinal)).ToList());
        files[file] = Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, line.Start), "\t", text.AsSpan(line.Start + 2)));
        return ($"{file}: a tab indents \"{line.Text.Trim()}\"", file);
    }

    private (string, string?) WrongType(Dictionary<string, byte[]> files)
    {
        // Types the loader itself owns (metadata, our annotations, the project file); the Kubernetes schemas' types are
        // KubernetesSchemaCases, which wait for offline schema validation.
        var file = Pick([BaseProject.ProjectFile, .. BaseProject.Manifests]);
        var text = Text(files, file);
        (string Find, string Replace)[] candidates = file == BaseProject.ProjectFile
            ? [("  name: fuzz", "  name: [fuzz]"), ("  include: [\"manifests/**/*.yaml\"]", "  include: {all: true}"), ("  values: values.yaml", "  values: {file: values.yaml}"), ("kubernetes: {namespace: fuzz-dev}", "kubernetes: [fuzz-dev]")]
            : [("  name: " + NameOf(text), "  name: [" + NameOf(text) + "]"), ("  name: " + NameOf(text), "  name: {value: " + NameOf(text) + "}"), ("\n  labels: ", "\n  labels: [a, b]\n  x-labels: "), ("\nmetadata:\n", "\nmetadata: [a, b]\nx-metadata:\n")];
        var (find, replace) = Pick(candidates);
        files[file] = Encoding.UTF8.GetBytes(ReplaceFirst(text, find, replace));
        return ($"{file}: \"{find.Trim()}\" became \"{replace.Trim()}\"", file);
    }

    private (string, string?) UnknownKind(Dictionary<string, byte[]> files)
    {
        var file = Pick(BaseProject.Manifests);
        var text = Text(files, file);
        // Docker kinds: the provider knows them all, offline. A misspelt Kubernetes kind (or one of group
        // declarative.dev, which the Kubernetes provider takes for a custom resource) needs offline schema validation:
        // KubernetesSchemaCases.
        var misspelt = Misspell(Pick(DockerKinds));
        const string group = "docker.declarative.dev/v1";
        var header = text[..text.IndexOf("\nmetadata:", StringComparison.Ordinal)];
        files[file] = Encoding.UTF8.GetBytes(text.Replace(header, $"apiVersion: {group}\nkind: {misspelt}", StringComparison.Ordinal));
        return ($"{file}: kind {misspelt} of {group}", file);
    }

    private (string, string?) DuplicateKey(Dictionary<string, byte[]> files)
    {
        var file = Pick([BaseProject.ProjectFile, BaseProject.ValuesFile, .. BaseProject.Manifests]);
        var text = Text(files, file);
        var line = Pick(Lines(text).Where(l => KeyLine().IsMatch(l.Text)).ToList());
        var end = line.Start + line.Text.Length + 1;
        files[file] = Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, end), line.Text, "\n", text.AsSpan(end)));
        return ($"{file}: \"{line.Text.Trim()}\" twice", file);
    }

    private (string, string?) InvalidUtf8(Dictionary<string, byte[]> files)
    {
        var file = Pick([BaseProject.ProjectFile, BaseProject.ValuesFile, .. BaseProject.Manifests]);
        var bytes = files[file];
        byte[][] sequences = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80]];
        var sequence = Pick(sequences);
        var ends = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] == (byte)'\n').ToList();
        var at = Pick(ends);
        files[file] = [.. bytes[..at], .. sequence, .. bytes[at..]];
        return ($"{file}: bytes {Convert.ToHexString(sequence)} at offset {at}", file);
    }

    private (string, string?) HugeScalar(Dictionary<string, byte[]> files)
    {
        var file = Pick(BaseProject.Manifests);
        var text = Text(files, file);
        var huge = new string('x', HugeScalarLength);
        var (what, mutated) = random.Next(3) switch
        {
            0 => ("metadata.name", ReplaceFirst(text, "  name: " + NameOf(text) + "\n", "  name: " + huge + "\n")),
            1 => ("a label value", ReplaceFirst(text, "  labels: {", "  labels: {big: \"" + huge + "\", ")),
            _ => ("a label key", ReplaceFirst(text, "  labels: {", "  labels: {" + huge + ": \"v\", ")),
        };
        files[file] = Encoding.UTF8.GetBytes(mutated);
        return ($"{file}: {what} of {HugeScalarLength} characters", file);
    }

    private (string, string?) DeepNesting(Dictionary<string, byte[]> files)
    {
        const string file = "manifests/settings.yaml";
        var depth = random.Next(1_001, 20_001);
        var (what, value) = random.Next(3) switch
        {
            0 => ("flow lists", new string('[', depth) + new string(']', depth)),
            1 => ("flow maps", string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth)),
            _ => ("block maps", BlockNesting(Math.Min(depth, 3_000))),
        };
        files[file] = Encoding.UTF8.GetBytes(ReplaceFirst(Text(files, file), "  level: \"3\"\n", "  level: " + value + "\n"));
        return ($"{file}: {what} nested {depth} deep", file);
    }

    private (string, string?) AliasBomb(Dictionary<string, byte[]> files)
    {
        var inValues = random.Next(2) == 0;
        var width = random.Next(6, 13);
        var levels = random.Next(7, 11);
        var indent = inValues ? string.Empty : "  ";
        var bomb = new StringBuilder();
        bomb.Append(CultureInfo.InvariantCulture, $"{indent}l0: &l0 [{string.Join(", ", Enumerable.Repeat("\"lol\"", width))}]\n");
        for (var level = 1; level < levels; level++)
        {
            bomb.Append(CultureInfo.InvariantCulture, $"{indent}l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", width))}]\n");
        }

        var file = inValues ? BaseProject.ValuesFile : "manifests/settings.yaml";
        var text = Text(files, file);
        files[file] = Encoding.UTF8.GetBytes(inValues ? text + bomb : text.Replace("data:\n", "data:\n" + bomb, StringComparison.Ordinal));
        return ($"{file}: {levels} levels of {width} aliases ({Math.Pow(width, levels):0} nodes expanded)", file);
    }

    private (string, string?) Template(Dictionary<string, byte[]> files, string[] replacements)
    {
        const string file = "manifests/web.yaml";
        var replacement = Pick(replacements);
        files[file] = Encoding.UTF8.GetBytes(Text(files, file).Replace("{{ values.replicas }}", replacement, StringComparison.Ordinal));
        return ($"{file}: replicas: {replacement}", file);
    }

    private (string, string?) Cycle(Dictionary<string, byte[]> files)
    {
        // Each closes a loop with an edge the project already has (explicit depends-on, or the namespace edge).
        (string File, string DependsOn)[] loops =
        [
            ("manifests/settings.yaml", "Deployment.apps/web"),
            ("manifests/secret.yaml", "Job.batch/migrate"),
            ("manifests/namespace.yaml", "Service/fuzz-dev/web"),
            ("manifests/namespace.yaml", "ConfigMap/fuzz-dev/settings"),
        ];
        var (file, dependsOn) = Pick(loops);
        AddDependsOn(files, file, dependsOn);
        return ($"{file} depends on {dependsOn}, which depends on it", null);
    }

    private (string, string?) MissingReference(Dictionary<string, byte[]> files)
    {
        var file = Pick(["manifests/settings.yaml", "manifests/secret.yaml", "manifests/service.yaml"]);
        var dependsOn = Pick(["ConfigMap/missing", "Secret/fuzz-dev/nope", "Deployment.apps/api", "Job.batch/seed"]) + random.Next(100).ToString(CultureInfo.InvariantCulture);
        AddDependsOn(files, file, dependsOn);
        return ($"{file} depends on {dependsOn}, which no manifest defines", file);
    }

    private (string, string?) ValuesList(Dictionary<string, byte[]> files)
    {
        var list = Pick(["- replicas: 2\n- image: nginx\n", "[1, 2, 3]\n", "- a\n- b\n"]);
        files[BaseProject.ValuesFile] = Encoding.UTF8.GetBytes(list);
        return ($"values.yaml holds \"{list.Trim()}\"", BaseProject.ValuesFile);
    }

    private static void AddDependsOn(Dictionary<string, byte[]> files, string file, string dependsOn)
    {
        var text = Text(files, file);
        var labels = text.IndexOf("\n  labels: ", StringComparison.Ordinal);
        var end = text.IndexOf('\n', labels + 1);
        files[file] = Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, end + 1), $"  annotations:\n    declarative.dev/depends-on: \"{dependsOn}\"\n", text.AsSpan(end + 1)));
    }

    private static string BlockNesting(int depth)
    {
        var nested = new StringBuilder("\n");
        for (var level = 0; level < depth; level++)
        {
            nested.Append(' ', 4 + (2 * level)).Append("a:\n");
        }

        return nested.Append(' ', 4 + (2 * depth)).Append("b: 1").ToString();
    }

    private string Misspell(string kind)
    {
        var at = random.Next(1, kind.Length - 1);
        return random.Next(3) switch
        {
            0 => string.Concat(kind.AsSpan(0, at), kind[at + 1].ToString(), kind[at].ToString(), kind.AsSpan(at + 2)),
            1 => kind.Remove(at, 1),
            _ => kind.Insert(at, kind[at].ToString()),
        } is var misspelt && misspelt != kind ? misspelt : kind + "s";
    }

    private static (int Open, int Close)? OpenerAndCloser(string line)
    {
        var open = line.IndexOfAny(['{', '[', '"']);
        if (open < 0)
        {
            return null;
        }

        var closer = line[open] switch { '{' => '}', '[' => ']', _ => '"' };
        var close = line.LastIndexOf(closer);
        return close > open ? (open, close) : null;
    }

    private static string NameOf(string manifest) => NameLine().Match(manifest).Groups[1].Value;

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return at < 0 ? throw new InvalidOperationException($"\"{find}\" is not in the base file") : string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }

    private static string Text(Dictionary<string, byte[]> files, string file) => Encoding.UTF8.GetString(files[file]);

    private static List<(int Start, string Text)> Lines(string text)
    {
        var lines = new List<(int, string)>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            lines.Add((start, text[start..end]));
            start = end + 1;
        }

        return lines;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    [GeneratedRegex(@"^metadata:\n  name: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex NameLine();

    [GeneratedRegex(@"^\s*[A-Za-z][\w./-]*: ?\S")]
    private static partial Regex KeyLine();
}
