using Scriban.Syntax;
using ScribanContext = Scriban.TemplateContext;

namespace Declarative.Core.Templating;

/// <summary>
/// Binary operators around <see cref="StandIn"/> values. Scriban's <c>??</c> tests for null only, so here an
/// undefined value or a null from the values falls back too (and the right side is evaluated only then).
/// <c>==</c> and <c>!=</c> see both as null. Any other operator on an undefined value or a failure gives that
/// value back, so printing the result reports what was missing; a null from the values is a plain null.
/// </summary>
internal static class StandInOperators
{
    public static object? Evaluate(ScribanContext context, ScriptBinaryExpression binary)
    {
        var (left, right) = (binary.Left!, binary.Right!);
        var leftValue = context.Evaluate(left);
        switch (binary.Operator)
        {
            case ScriptBinaryOperator.EmptyCoalescing:
                return IsMissing(leftValue) ? context.Evaluate(right) : leftValue;
            case ScriptBinaryOperator.NotEmptyCoalescing:
                return IsMissing(leftValue) ? null : context.Evaluate(right);
        }

        var rightValue = context.Evaluate(right);
        if (binary.Operator is ScriptBinaryOperator.CompareEqual or ScriptBinaryOperator.CompareNotEqual)
        {
            if (leftValue is TemplateFailure || rightValue is TemplateFailure)
            {
                return leftValue is TemplateFailure ? leftValue : rightValue;
            }

            (leftValue, rightValue) = (AsNull(leftValue), AsNull(rightValue));
        }
        else if (leftValue is UndefinedValue or TemplateFailure)
        {
            return leftValue;
        }
        else if (rightValue is UndefinedValue or TemplateFailure)
        {
            return rightValue;
        }

        var span = binary.OperatorToken?.Span ?? binary.Span;
        return ScriptBinaryExpression.Evaluate(context, span, binary.Operator, left.Span, AsNull(leftValue), right.Span, AsNull(rightValue));
    }

    private static bool IsMissing(object? value) => value is null or UndefinedValue or NullValue;

    private static object? AsNull(object? value) => value is UndefinedValue or NullValue ? null : value;
}
