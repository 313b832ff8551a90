using Declarative.KubeSchemaGen;

// Usage: dotnet run --project tools/Declarative.KubeSchemaGen -- OUT
// Writes the built-in Kubernetes schema file (docs/kubernetes-schemas.md) to OUT.
if (args.Length != 1)
{
    await Console.Error.WriteLineAsync(
        "Usage: dotnet run --project tools/Declarative.KubeSchemaGen -- src/Declarative.Providers.Kubernetes/Schemas/kubernetes-schema.json");
    return 2;
}

await File.WriteAllTextAsync(args[0], SchemaGenerator.Generate());
Console.WriteLine($"Wrote {args[0]}");
return 0;
