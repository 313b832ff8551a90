using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Faults;
using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer;

/// <summary>Everything one running double holds. One instance per server; nothing static.</summary>
public sealed class ApiServerState
{
    public ApiServerState(ApiServerOptions options, TimeProvider? clock = null)
    {
        Options = options;
        Clock = clock ?? TimeProvider.System;
        Registry = new ResourceRegistry();
        Store = new ObjectStore(Registry, Clock, options.WatchHistory);
        Admission = new AdmissionChain(Clock);
        Faults = new FaultInjector();
    }

    public ApiServerOptions Options { get; }

    public TimeProvider Clock { get; }

    public ResourceRegistry Registry { get; }

    public ObjectStore Store { get; }

    public AdmissionChain Admission { get; }

    public FaultInjector Faults { get; }

    /// <summary>The fields and types of the built-in kinds, for fieldValidation and server-side apply.</summary>
    public Schemas.BuiltInSchema Schema { get; } = Schemas.BuiltInSchema.Load();

    /// <summary>The requests received, for tests that count what a client costs.</summary>
    public Hosting.RequestLog Requests { get; } = new();
}
