namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>A ready simulated pod as an endpoint sees it: name, uid, IP, node, the governing Service's hostname
/// (StatefulSet pods), and the ports its containers name.</summary>
internal sealed record ReadyPod(string Name, string Uid, string Ip, string NodeName, string? Hostname, string? Subdomain, IReadOnlyDictionary<string, int> NamedPorts);
