using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace InterviewScheduler.Infra.Tests;

/// <summary>
/// Evaluates the few ARM template expressions a Bicep snapshot leaves unevaluated: values Azure assigns at deployment
/// (<c>reference(...)</c>), the cloud's <c>environment()</c>, secure <c>parameters(...)</c>, and the string functions
/// around them. Anything else throws naming the function, so that a new construct fails loudly instead of guessing.
/// <c>if()</c> evaluates only the branch it takes, as ARM does, and <c>fail()</c> reached throws
/// <see cref="InvalidOperationException"/> with its message, as the deployment would fail.
/// </summary>
internal sealed class ArmExpression
{
    private readonly string _text;
    private readonly ArmContext _context;
    private int _position;
    private int _skipping; // > 0 while parsing a branch if() does not take: parsed, not evaluated

    private ArmExpression(string text, ArmContext context)
    {
        _text = text;
        _context = context;
    }

    /// <summary>Evaluates a template string: a literal, or an expression in square brackets.</summary>
    public static JsonNode? Evaluate(string value, ArmContext context)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.StartsWith('[') || !value.EndsWith(']'))
        {
            return JsonValue.Create(value);
        }

        if (value.StartsWith("[[", StringComparison.Ordinal))
        {
            return JsonValue.Create(value[1..]); // an escaped literal bracket
        }

        var parser = new ArmExpression(value[1..^1], context);
        var result = parser.ParseExpression();
        parser.SkipWhitespace();
        if (parser._position != parser._text.Length)
        {
            throw new FormatException($"unexpected '{parser._text[parser._position..]}' in {value}");
        }

        return result;
    }

    private JsonNode? ParseExpression()
    {
        SkipWhitespace();
        var value = Peek() switch
        {
            '\'' => JsonValue.Create(ParseString()),
            var c when char.IsDigit(c) || c == '-' => JsonValue.Create(ParseInteger()),
            _ => ParseCall(),
        };

        while (true)
        {
            SkipWhitespace();
            if (TryConsume('.'))
            {
                var name = ParseIdentifier();
                value = _skipping > 0 ? null : Member(value, name);
            }
            else if (TryConsume('['))
            {
                var index = ParseExpression();
                Expect(']');
                value = _skipping > 0 ? null
                    : index is JsonValue v && v.TryGetValue<long>(out var i) ? value?.AsArray()[(int)i] : Member(value, index!.GetValue<string>());
            }
            else
            {
                return value;
            }
        }
    }

    private JsonNode? ParseCall()
    {
        var name = ParseIdentifier();
        Expect('(');
        if (name.Equals("if", StringComparison.OrdinalIgnoreCase))
        {
            return ParseIf();
        }

        var arguments = new List<JsonNode?>();
        SkipWhitespace();
        if (!TryConsume(')'))
        {
            do
            {
                arguments.Add(ParseExpression());
                SkipWhitespace();
            }
            while (TryConsume(','));
            Expect(')');
        }

        return _skipping > 0 ? null : Call(name, arguments);
    }

    /// <summary>The rest of <c>if(condition, whenTrue, whenFalse)</c>: the branch not taken is parsed but not evaluated.</summary>
    private JsonNode? ParseIf()
    {
        var condition = ParseExpression();
        var taken = _skipping == 0 && condition!.GetValue<bool>();
        Expect(',');
        var whenTrue = ParseBranch(evaluate: taken);
        Expect(',');
        var whenFalse = ParseBranch(evaluate: !taken);
        Expect(')');
        return taken ? whenTrue : whenFalse;
    }

    private JsonNode? ParseBranch(bool evaluate)
    {
        _skipping += evaluate ? 0 : 1;
        try
        {
            return ParseExpression();
        }
        finally
        {
            _skipping -= evaluate ? 0 : 1;
        }
    }

    private JsonNode? Call(string name, List<JsonNode?> arguments) => name.ToLowerInvariant() switch
    {
        "parameters" => _context.Parameter(Text(arguments[0])),
        "reference" => _context.Reference(Text(arguments[0])),
        "environment" => _context.Environment.DeepClone(),
        "format" => JsonValue.Create(Format(Text(arguments[0]), arguments.Skip(1).Select(Text).ToArray())),
        "concat" => JsonValue.Create(string.Concat(arguments.Select(Text))),
        "string" => JsonValue.Create(Text(arguments[0])),
        "tolower" => JsonValue.Create(Text(arguments[0]).ToLowerInvariant()),
        "empty" => JsonValue.Create(arguments[0] is null || (arguments[0] is JsonValue && Text(arguments[0]).Length == 0)),
        "fail" => throw new InvalidOperationException($"The deployment fails: {Text(arguments[0])}"),
        "not" => JsonValue.Create(!arguments[0]!.GetValue<bool>()),
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ => throw new NotSupportedException($"ARM function {name}() is not evaluated by the tests; extend ArmExpression."),
    };

    private static string Format(string format, string[] values)
    {
        var text = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                text.Append('{');
                i++;
            }
            else if (format[i] == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                text.Append('}');
                i++;
            }
            else if (format[i] == '{')
            {
                var end = format.IndexOf('}', i);
                text.Append(values[int.Parse(format[(i + 1)..end], CultureInfo.InvariantCulture)]);
                i = end;
            }
            else
            {
                text.Append(format[i]);
            }
        }

        return text.ToString();
    }

    private static JsonNode? Member(JsonNode? value, string name) =>
        value is JsonObject o && o.TryGetPropertyValue(name, out var member)
            ? member
            : throw new KeyNotFoundException($"property {name} not found on {value?.ToJsonString() ?? "null"}");

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        JsonValue v => v.ToJsonString(),
        _ => value.ToJsonString(),
    };

    private string ParseString()
    {
        Expect('\'');
        var text = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new FormatException($"unterminated string in {_text}");
            }

            var c = _text[_position++];
            if (c == '\'')
            {
                if (Peek() != '\'')
                {
                    return text.ToString();
                }

                _position++; // '' is an escaped quote
            }

            text.Append(c);
        }
    }

    private long ParseInteger()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        while (char.IsDigit(Peek()))
        {
            _position++;
        }

        return long.Parse(_text[start.._position], CultureInfo.InvariantCulture);
    }

    private string ParseIdentifier()
    {
        SkipWhitespace();
        var start = _position;
        while (char.IsLetterOrDigit(Peek()) || Peek() == '_')
        {
            _position++;
        }

        return start == _position ? throw new FormatException($"identifier expected at {_position} in {_text}") : _text[start.._position];
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private bool TryConsume(char c)
    {
        SkipWhitespace();
        if (Peek() != c)
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw new FormatException($"'{c}' expected at {_position} in {_text}");
        }
    }

    private void SkipWhitespace()
    {
        while (char.IsWhiteSpace(Peek()))
        {
            _position++;
        }
    }
}

/// <summary>What the expressions in a snapshot refer to: parameter values, the cloud, and runtime resource properties.</summary>
internal sealed class ArmContext(IReadOnlyDictionary<string, JsonNode?> parameters, Func<string, JsonObject> reference, JsonObject environment)
{
    public JsonObject Environment { get; } = environment;

    public JsonNode? Parameter(string name) =>
        parameters.TryGetValue(name, out var value) ? value?.DeepClone() : throw new KeyNotFoundException($"parameter {name} has no value or default");

    public JsonObject Reference(string resourceId) => reference(resourceId);
}
