namespace Declarative.Core.State.Storage;

/// <summary>How enum values are written in our file formats (state files, saved plans): lower-case words.</summary>
internal static class EnumWords
{
    public static string Word<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>The value written as <paramref name="word"/>; an unknown word throws <see cref="InvalidDataException"/>
    /// naming the <paramref name="field"/> and the words it may hold.</summary>
    public static T Parse<T>(string word, string field)
        where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Word(v) == word).Select(v => (T?)v).FirstOrDefault()
            ?? throw new InvalidDataException($"Its {field} \"{word}\" is not one of {string.Join(", ", Enum.GetValues<T>().Select(Word))}.");
}
