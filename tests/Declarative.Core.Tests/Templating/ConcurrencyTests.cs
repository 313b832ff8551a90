using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Declarative.Core.Templating;

namespace Declarative.Core.Tests.Templating;

public class ConcurrencyTests
{
    [Fact]
    public void One_renderer_serves_many_threads_each_with_its_own_context()
    {
        var renderer = new TemplateRenderer();
        var outputs = new string[64];

        Parallel.For(0, outputs.Length, i =>
        {
            var context = new TemplateContext(
                new JsonObject { ["n"] = i },
                $"env{i}",
                "kubia",
                null,
                ImmutableDictionary<string, string>.Empty.Add("I", i.ToString(CultureInfo.InvariantCulture)));
            outputs[i] = renderer.Render("n: {{ values.n }}\ne: {{ env.name }}\nv: {{ envVar \"I\" }}\nx: {{ x = values.n * 2; x }}", "/f.yaml", context).Value.Text;
        });

        Assert.All(Enumerable.Range(0, outputs.Length), i => Assert.Equal($"n: {i}\ne: env{i}\nv: {i}\nx: {i * 2}", outputs[i]));
    }
}
