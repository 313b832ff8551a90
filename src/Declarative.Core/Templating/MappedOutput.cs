using System.Collections.Immutable;
using System.Text;
using Scriban.Runtime;

namespace Declarative.Core.Templating;

/// <summary>
/// Collects the rendered text and, for each output line, the source line it came from. Text that Scriban copies
/// from the template arrives as a slice of the parsed text itself, so every such character knows its source
/// offset; anything else (a printed value, a function's output such as toYaml or nindent) belongs to the
/// expression being printed (<see cref="GeneratedLine"/>). An output line maps to the source line of its first
/// character.
/// </summary>
internal sealed class MappedOutput(string parsedText, TemplateLocator locator) : IScriptOutput
{
    private readonly StringBuilder _text = new(parsedText.Length);
    private readonly ImmutableArray<int>.Builder _lineMap = ImmutableArray.CreateBuilder<int>();
    private bool _atLineStart = true;

    /// <summary>The source line that generated text maps to, set by the context while it prints an expression.</summary>
    public int GeneratedLine { get; set; } = 1;

    public ImmutableArray<int> LineMap => _lineMap.ToImmutable();

    public void Write(string text, int offset, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var fromSource = ReferenceEquals(text, parsedText);
        var end = offset + count;
        var i = offset;
        while (i < end)
        {
            if (_atLineStart)
            {
                _lineMap.Add(fromSource ? locator.LineOf(i) : GeneratedLine);
                _atLineStart = false;
            }

            var newline = text.IndexOf('\n', i, end - i);
            if (newline < 0)
            {
                break;
            }

            i = newline + 1;
            _atLineStart = true;
        }

        _text.Append(text, offset, count);
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    public override string ToString() => _text.ToString();
}
