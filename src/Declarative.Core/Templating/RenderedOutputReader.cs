using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Declarative.Core.Templating;

/// <summary>
/// Strips the <see cref="Markers"/> from rendered output. An output line maps to the source line that was current
/// when its first character was written; lines written by a helper (toYaml, nindent) map to the line of the
/// expression that called it.
/// </summary>
internal sealed class RenderedOutputReader
{
    private readonly StringBuilder _text = new();
    private readonly ImmutableArray<int>.Builder _lineMap = ImmutableArray.CreateBuilder<int>();
    private readonly ImmutableArray<OutputProblem>.Builder _problems = ImmutableArray.CreateBuilder<OutputProblem>();
    private readonly List<(char Kind, string Payload, int Line)> _unclaimed = [];
    private int _sourceLine = 1;
    private int? _openTag;
    private bool _atLineStart = true;

    public static RenderedOutput Read(string raw)
    {
        var reader = new RenderedOutputReader();
        for (var i = 0; i < raw.Length; i++)
        {
            var end = raw[i] == Markers.Delimiter ? raw.IndexOf(Markers.Delimiter, i + 1) : -1;
            if (end < 0)
            {
                reader.Append(raw[i]);
                continue;
            }

            reader.Apply(raw[i + 1], raw[(i + 2)..end]);
            i = end;
        }

        reader.Claim(null);
        return new RenderedOutput(
            reader._text.ToString(), reader._lineMap.ToImmutable(), reader._problems.ToImmutable(), reader._openTag, reader._sourceLine);
    }

    private void Append(char c)
    {
        if (_atLineStart)
        {
            _lineMap.Add(_sourceLine);
            _atLineStart = false;
        }

        _text.Append(c);
        _atLineStart = c == '\n';
    }

    private void Apply(char kind, string payload)
    {
        switch (kind)
        {
            case Markers.LineKind:
                _sourceLine = Number(payload);
                break;
            case Markers.EnterKind:
                Claim(null);
                _openTag = Number(payload);
                break;
            case Markers.ExitKind:
                _openTag = null;
                break;
            case Markers.AfterKind:
                Claim(Number(payload));
                _openTag = null;
                break;
            default:
                Report(kind, payload);
                break;
        }
    }

    private void Report(char kind, string payload)
    {
        if (_openTag is { } tag)
        {
            _problems.Add(new OutputProblem(tag, kind, payload, _sourceLine));
        }
        else
        {
            _unclaimed.Add((kind, payload, _sourceLine));
        }
    }

    private void Claim(int? tagId)
    {
        _problems.AddRange(_unclaimed.Select(p => new OutputProblem(tagId, p.Kind, p.Payload, p.Line)));
        _unclaimed.Clear();
    }

    private static int Number(string payload) => int.Parse(payload, NumberStyles.None, CultureInfo.InvariantCulture);
}
