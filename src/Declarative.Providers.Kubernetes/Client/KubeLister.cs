using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Client;

/// <summary>LIST in pages of <see cref="KubeClientOptions.PageSize"/> following continue tokens; when a token
/// expires (410) the list starts over so the result is one consistent snapshot with every item exactly once.</summary>
internal sealed class KubeLister(KubeTransport transport)
{
    public async Task<KubeList> ListAsync(KubeResource resource, string? ns, string? labelSelector, CancellationToken cancellationToken)
    {
        for (var restart = 0; ; restart++)
        {
            try
            {
                return await ListOnceAsync(resource, ns, labelSelector, cancellationToken);
            }
            catch (KubeApiException ex) when (ex.Code == 410 && restart < transport.Options.ListRestarts)
            {
                // The continue token expired mid-list: start over rather than stitch two snapshots together.
            }
        }
    }

    private async Task<KubeList> ListOnceAsync(KubeResource resource, string? ns, string? labelSelector, CancellationToken cancellationToken)
    {
        var request = new KubeRequest("list", resource, ns, null);
        var items = ImmutableArray.CreateBuilder<JsonObject>();
        string? resourceVersion = null;
        string? continueToken = null;
        do
        {
            var query = KubePaths.Query(
                ("labelSelector", labelSelector),
                ("limit", transport.Options.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("continue", continueToken));
            var url = transport.Url(KubePaths.Collection(resource, ns), query);
            var page = await transport.ReadAsync(
                request,
                () => new HttpRequestMessage(HttpMethod.Get, url),
                async (stream, _, token) => await JsonSerializer.DeserializeAsync(stream, KubeListJsonContext.Default.KubeListPage, token),
                cancellationToken);
            resourceVersion ??= KubeErrors.Text(page?.Metadata?["resourceVersion"]);
            continueToken = KubeErrors.Text(page?.Metadata?["continue"]);
            items.AddRange((page?.Items ?? []).OfType<JsonObject>().Select(item => WithKind(item, resource)));
        }
        while (continueToken is not null);

        return new KubeList(items.ToImmutable(), resourceVersion ?? string.Empty);
    }

    /// <summary>Built-in list items come without kind and apiVersion; the resource supplies them.</summary>
    private static JsonObject WithKind(JsonObject item, KubeResource resource)
    {
        item["kind"] = resource.Kind;
        item["apiVersion"] = resource.ApiVersion;
        return item;
    }
}
