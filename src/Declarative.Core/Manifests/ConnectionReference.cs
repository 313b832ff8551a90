using Declarative.Core.State;

namespace Declarative.Core.Manifests;

/// <summary>
/// Where a store's connection string is read from when the command runs: an environment variable
/// (<c>env:NAME</c>) or a file (<c>file:PATH</c>, relative to the project root). The project never holds the
/// connection string itself, so its password never reaches the repository.
/// </summary>
public sealed record ConnectionReference(ConnectionSource Source, string Name)
{
    public const string EnvironmentPrefix = "env:";
    public const string FilePrefix = "file:";

    /// <summary><c>env:NAME</c> or <c>file:PATH</c> (as declarative.yaml and <c>decl state migrate --connection</c>
    /// write it), or null for anything else: a connection string itself, an invalid variable name, an empty path.</summary>
    public static ConnectionReference? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
        {
            var name = text[EnvironmentPrefix.Length..];
            return name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
                ? new ConnectionReference(ConnectionSource.EnvironmentVariable, name)
                : null;
        }

        return text.StartsWith(FilePrefix, StringComparison.Ordinal) && text[FilePrefix.Length..].Trim().Length > 0
            ? new ConnectionReference(ConnectionSource.File, text[FilePrefix.Length..])
            : null;
    }

    /// <summary>As declarative.yaml writes it: <c>env:DECLARATIVE_PG</c>, <c>file:secrets/pg.txt</c>.</summary>
    public override string ToString() => (Source == ConnectionSource.EnvironmentVariable ? EnvironmentPrefix : FilePrefix) + Name;

    /// <summary>The connection string, read now. A variable that is not set, or a file that cannot be read or is empty,
    /// is a <see cref="StateStoreUnavailableException"/> naming the variable or file (never the value).</summary>
    public string Read(IReadOnlyDictionary<string, string> variables, string projectRoot, string store)
    {
        if (Source == ConnectionSource.EnvironmentVariable)
        {
            return variables.TryGetValue(Name, out var value) && !string.IsNullOrWhiteSpace(value)
                ? value.Trim()
                : throw Missing(store, $"The environment variable {Name} (state.connection: {this}) is not set.", $"Set {Name} to the connection string before running decl (in CI, from a repository secret).");
        }

        var path = Path.GetFullPath(Path.Combine(projectRoot, Name));
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Missing(store, $"The connection file {path} (state.connection: {this}) cannot be read: {ex.Message}", "Create the file with the connection string on its first line, readable by this user, or point state.connection at another one.", ex);
        }

        return text.Trim().Length > 0
            ? text.Trim()
            : throw Missing(store, $"The connection file {path} (state.connection: {this}) is empty.", "Write the connection string into the file.");
    }

    private static StateStoreUnavailableException Missing(string store, string problem, string fix, Exception? inner = null) =>
        new(store, "No connection string for the state store", [problem, fix], inner);
}

public enum ConnectionSource
{
    EnvironmentVariable,
    File,
}
