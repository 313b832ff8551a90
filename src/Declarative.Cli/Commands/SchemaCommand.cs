using System.CommandLine;
using Declarative.Core.Schemas;

namespace Declarative.Cli.Commands;

/// <summary><c>decl schema [KIND] [--out DIR]</c>: the JSON Schemas editors check declarative.yaml, module.yaml and
/// the Docker kinds with (docs/schemas.md). Without KIND it lists them; with KIND it prints one; with --out it writes
/// them (or the one named) as DIR/NAME.schema.json.</summary>
public static class SchemaCommand
{
    public static Command Create(CliServices services)
    {
        var kind = new Argument<string?>("KIND")
        {
            Description = "project, module, docker, or a Docker kind (Registry, Image, Container, Volume, Network).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string?>("--out") { Description = "Write the schemas as files into this folder (created when missing).", HelpName = "DIR" };
        var command = new Command("schema", "Print the JSON Schemas of declarative.yaml, module.yaml and the Docker kinds, for editors.") { kind, output };
        command.SetAction(result => Run(services, result.GetValue(kind), result.GetValue(output)));
        return command;
    }

    private static int Run(CliServices services, string? name, string? folder)
    {
        var io = services.IO;
        var entries = SchemaCatalog.All;
        if (name is not null)
        {
            if (SchemaCatalog.Find(name) is not { } entry)
            {
                io.Error.WriteLine($"error: decl has no schema \"{name}\".");
                io.Error.WriteLine($"    Use one of: {string.Join(", ", SchemaCatalog.All.Select(e => e.Name))} (decl schema lists them).");
                return ExitCodes.Error;
            }

            entries = [entry];
        }

        if (folder is not null)
        {
            Write(services, entries, Path.GetFullPath(folder, io.WorkingDirectory));
            return ExitCodes.Ok;
        }

        if (name is null)
        {
            List(io.Out);
            return ExitCodes.Ok;
        }

        io.Out.Write(JsonSchemaFragments.Write(entries[0].Build()));
        return ExitCodes.Ok;
    }

    private static void List(TextWriter output)
    {
        var width = SchemaCatalog.All.Max(e => e.Name.Length);
        output.WriteLine("JSON Schemas (draft 2020-12) decl prints with `decl schema NAME`:");
        foreach (var entry in SchemaCatalog.All)
        {
            output.WriteLine($"  {entry.Name.PadRight(width)}  {entry.Describes} ({entry.FileName})");
        }

        output.WriteLine("`decl schema --out DIR` writes them all as files; docs/schemas.md shows how editors use them.");
    }

    private static void Write(CliServices services, IReadOnlyList<SchemaEntry> entries, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var entry in entries)
        {
            var path = Path.Combine(folder, entry.FileName);
            File.WriteAllText(path, JsonSchemaFragments.Write(entry.Build()));
            services.IO.Out.WriteLine($"Wrote {Path.GetRelativePath(services.IO.WorkingDirectory, path)}");
        }
    }
}
