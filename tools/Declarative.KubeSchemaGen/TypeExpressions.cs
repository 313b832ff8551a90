using k8s.Models;

namespace Declarative.KubeSchemaGen;

/// <summary>Maps the CLR type of a model property to its type expression in the schema file
/// (/work SCHEMA-FORMAT, docs/kubernetes-schemas.md): a scalar word, <c>[T</c>, <c>{T</c> or a model's name.</summary>
internal static class TypeExpressions
{
    /// <summary>The expression of <paramref name="type"/>; <paramref name="onModel"/> hears of every model type
    /// it names, so the generator can describe it too.</summary>
    public static string Of(Type type, Action<Type> onModel)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (Scalar(plain) is { } scalar)
        {
            return scalar;
        }

        if (ItemTypeOf(plain, typeof(IDictionary<,>)) is { } mapArguments && mapArguments[0] == typeof(string))
        {
            return "{" + Of(mapArguments[1], onModel);
        }

        if (ItemTypeOf(plain, typeof(IList<>)) is { } listArguments)
        {
            return "[" + Of(listArguments[0], onModel);
        }

        if (plain.IsClass && plain.Namespace == typeof(V1Pod).Namespace)
        {
            onModel(plain);
            return plain.Name;
        }

        throw new InvalidOperationException($"No schema expression for the CLR type {type.FullName}: add it to {nameof(TypeExpressions)}.");
    }

    private static string? Scalar(Type type) =>
        type == typeof(string) ? "string"
        : type == typeof(bool) ? "boolean"
        : type == typeof(int) || type == typeof(long) || type == typeof(short) ? "integer"
        : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? "number"
        : type == typeof(DateTime) || type == typeof(DateTimeOffset) ? "date-time"
        : type == typeof(byte[]) ? "byte"
        : type == typeof(IntOrString) ? "int-or-string"
        : type == typeof(ResourceQuantity) ? "quantity"
        // RawExtension, JSON and the free parts of JSONSchemaProps are typed object: any JSON.
        : type == typeof(object) ? "raw"
        : null;

    private static Type[]? ItemTypeOf(Type type, Type genericInterface)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == genericInterface)
        {
            return type.GetGenericArguments();
        }

        return type.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == genericInterface)?
            .GetGenericArguments();
    }
}
