using Declarative.Core.Providers;

namespace Declarative.Testing.Fakes;

/// <summary>One call <see cref="FakeProvider"/> received, in arrival order. <see cref="Address"/> is null for reads.</summary>
public sealed record FakeCall(string Method, ResourceAddress? Address)
{
    public override string ToString() => Address is null ? Method : $"{Method} {Address}";
}
