using System.Collections;
using HandlebarsDotNet;
using HandlebarsDotNet.IO;

namespace Declarative.Core.Templating;

/// <summary>
/// Formats what Handlebars prints: undefined values and helper failures become markers (reported after rendering),
/// everything else goes through <see cref="TemplateText"/>. Stateless, so one instance serves every thread.
/// </summary>
internal sealed class TemplateFormatterProvider : IFormatterProvider
{
    private static readonly Type[] TextTypes =
        [typeof(bool), typeof(double), typeof(float), typeof(decimal), typeof(long), typeof(int)];

    public bool TryCreateFormatter(Type type, out IFormatter formatter)
    {
        formatter = type == typeof(UndefinedBindingResult) ? new UndefinedFormatter()
            : type == typeof(TemplateFailure) ? new FailureFormatter()
            : TextTypes.Contains(type) || typeof(IDictionary).IsAssignableFrom(type) || typeof(IList).IsAssignableFrom(type)
                ? new TextFormatter()
                : null!;
        return formatter is not null;
    }

    private sealed class UndefinedFormatter : IFormatter
    {
        public void Format<T>(T value, in EncodedTextWriter writer) =>
            writer.Write(Markers.Undefined((value as UndefinedBindingResult)?.Value ?? string.Empty), false);
    }

    private sealed class FailureFormatter : IFormatter
    {
        public void Format<T>(T value, in EncodedTextWriter writer)
        {
            if (value is TemplateFailure failure)
            {
                writer.Write(Markers.Failure(failure), false);
            }
        }
    }

    private sealed class TextFormatter : IFormatter
    {
        public void Format<T>(T value, in EncodedTextWriter writer) => writer.Write(TemplateText.Of(value), false);
    }
}
