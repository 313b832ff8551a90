using Scriban.Syntax;

namespace Declarative.Core.Templating;

/// <summary>The nodes this context evaluates its own way: operators around stand-ins, the statement being printed
/// (for locating what it prints), interpolated values, and the errors of calls and assignments that break our
/// rules, reworded.</summary>
internal sealed partial class StrictTemplateContext
{
    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        switch (scriptNode)
        {
            case ScriptBinaryExpression binary when binary.Operator is not (ScriptBinaryOperator.And or ScriptBinaryOperator.Or):
                return StandInOperators.Evaluate(this, binary);
            case ScriptExpressionStatement statement:
                var outer = _evaluating;
                _evaluating = statement;
                try
                {
                    return base.Evaluate(scriptNode, aliasReturnedFunction);
                }
                finally
                {
                    _evaluating = outer;
                    _evaluated = statement;
                }

            case ScriptInterpolatedExpression:
                // Scriban appends an interpolated value with its .NET ToString: check and format it here instead.
                var value = base.Evaluate(scriptNode, aliasReturnedFunction);
                if (value is UndefinedValue or TemplateFailure)
                {
                    Report(value);
                    return null;
                }

                return value is NullValue ? null : TemplateText.Of(value);

            case ScriptFunctionCall or ScriptPipeCall:
                try
                {
                    return base.Evaluate(scriptNode, aliasReturnedFunction);
                }
                catch (ScriptRuntimeException error) when (error is not TemplateRuleException && UnknownFunction(scriptNode) is { } unknown)
                {
                    var name = Locator.TextOf(unknown);
                    throw new TemplateRuleException(
                        unknown.Span,
                        "Unknown template function",
                        $"`{name}` is not a template function.",
                        DisabledBuiltins.Explain(name) ?? $"Check the spelling; the functions are {TemplateFunctions.Describe()}.",
                        error);
                }

            case ScriptAssignExpression assignment:
                try
                {
                    return base.Evaluate(scriptNode, aliasReturnedFunction);
                }
                catch (ScriptRuntimeException error) when (error is not TemplateRuleException && IsReadOnlyRoot(assignment.Target))
                {
                    throw new TemplateRuleException(
                        assignment.Span,
                        "Template cannot change its context",
                        $"`{Locator.TextOf(assignment.Target)}` cannot be set: values, env, project, module and the functions are read-only in a template.",
                        $"Give the new value a name of its own, as in `{{{{ replicas = values.replicas + 1 }}}}`.",
                        error);
                }

            default:
                return base.Evaluate(scriptNode, aliasReturnedFunction);
        }
    }

    /// <summary>The target of a call or pipe that names no function, when that is why it failed.</summary>
    private ScriptExpression? UnknownFunction(ScriptNode node)
    {
        var target = node switch
        {
            ScriptFunctionCall call => call.Target,
            ScriptPipeCall pipe => pipe.To is ScriptFunctionCall inner ? inner.Target : pipe.To,
            _ => null,
        };
        return target is ScriptVariable or ScriptMemberExpression && GetValue(target) is UndefinedValue ? target : null;
    }

    /// <summary>True when <paramref name="target"/> is, or is inside, a name the context gives a template.</summary>
    private static bool IsReadOnlyRoot(ScriptExpression? target)
    {
        while (target is ScriptMemberExpression or ScriptIndexerExpression)
        {
            target = target is ScriptMemberExpression member ? member.Target : ((ScriptIndexerExpression)target).Target;
        }

        return target is ScriptVariable variable && (TemplateValues.RootNames.Contains(variable.Name) || TemplateFunctions.All.ContainsKey(variable.Name));
    }
}
