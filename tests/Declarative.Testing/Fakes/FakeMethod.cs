namespace Declarative.Testing.Fakes;

/// <summary>The names <see cref="FakeCall.Method"/> uses, one per member of the provider seam.</summary>
public static class FakeMethod
{
    public const string Read = "Read";
    public const string Plan = "Plan";
    public const string Apply = "Apply";
    public const string Wait = "Wait";
    public const string Delete = "Delete";
}
