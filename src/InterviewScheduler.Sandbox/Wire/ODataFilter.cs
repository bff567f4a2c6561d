using System.Globalization;
using System.Text;

namespace InterviewScheduler.Sandbox.Wire;

/// <summary>
/// The part of OData <c>$filter</c> that Graph clients use on events and messages: comparisons
/// (<c>eq ne gt ge lt le</c>) of a property path with a literal, <c>and</c>/<c>or</c>, parentheses, and
/// lambda <c>any</c> over a collection, as in
/// <c>singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')</c>.
/// </summary>
internal abstract record ODataFilter
{
    /// <summary>Parses a filter; null with an error message when it is outside the supported grammar.</summary>
    public static (ODataFilter? Filter, string? Error) Parse(string text)
    {
        try
        {
            var parser = new Parser(Tokenize(text));
            var filter = parser.ParseOr();
            return parser.AtEnd ? (filter, null) : (null, $"Invalid filter clause near '{parser.Peek}'.");
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>
    /// Evaluates against an item. <paramref name="item"/> answers a property path with (known, value) — an
    /// unknown path is tolerated and its comparison counts as true — and a collection path with its elements.
    /// </summary>
    public abstract bool Matches(IFilterable item);

    private sealed record Or(ODataFilter Left, ODataFilter Right) : ODataFilter
    {
        public override bool Matches(IFilterable item) => Left.Matches(item) || Right.Matches(item);
    }

    private sealed record And(ODataFilter Left, ODataFilter Right) : ODataFilter
    {
        public override bool Matches(IFilterable item) => Left.Matches(item) && Right.Matches(item);
    }

    private sealed record Any(string Collection, string Variable, ODataFilter Condition) : ODataFilter
    {
        public override bool Matches(IFilterable item) =>
            item.Elements(Collection) is not { } elements || elements.Any(e => Condition.Matches(new Scoped(e, Variable)));
    }

    private sealed record Comparison(string Path, string Operator, string? Literal) : ODataFilter
    {
        public override bool Matches(IFilterable item)
        {
            if (!item.TryGet(Path, out var actual)) return true;
            var order = Compare(actual, Literal);
            return Operator switch
            {
                "eq" => order == 0,
                "ne" => order != 0,
                "gt" => order > 0,
                "ge" => order >= 0,
                "lt" => order < 0,
                "le" => order <= 0,
                _ => false,
            };
        }

        private static int Compare(string? actual, string? literal)
        {
            if (actual is null || literal is null) return actual is null && literal is null ? 0 : actual is null ? -1 : 1;
            const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
            if (actual.Length >= 10 && literal.Length >= 10 && char.IsAsciiDigit(actual[0]) && char.IsAsciiDigit(literal[0])
                && DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, Utc, out var a)
                && DateTimeOffset.TryParse(literal, CultureInfo.InvariantCulture, Utc, out var b))
            {
                return a.CompareTo(b);
            }

            if (double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                && double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
            {
                return x.CompareTo(y);
            }

            return string.Compare(actual, literal, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>An element inside <c>any(v: …)</c>: paths are written <c>v/prop</c>.</summary>
    private sealed class Scoped(IFilterable inner, string variable) : IFilterable
    {
        public bool TryGet(string path, out string? value) => inner.TryGet(Strip(path), out value);

        public IEnumerable<IFilterable>? Elements(string path) => inner.Elements(Strip(path));

        private string Strip(string path) =>
            path.StartsWith(variable + "/", StringComparison.OrdinalIgnoreCase) ? path[(variable.Length + 1)..] : path;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ':' or ',')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '\'')
            {
                // A string literal keeps its quote as a marker; '' inside it is one quote.
                var literal = new StringBuilder("'");
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException("Unterminated string literal in $filter.");
                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            literal.Append('\'');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    literal.Append(text[i++]);
                }

                tokens.Add(literal.ToString());
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or ':' or ',' or '\'')) i++;
                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private sealed class Parser(List<string> tokens)
    {
        private int _position;

        public bool AtEnd => _position >= tokens.Count;

        public string Peek => AtEnd ? "(end)" : tokens[_position];

        public ODataFilter ParseOr()
        {
            var left = ParseAnd();
            while (IsWord("or"))
            {
                _position++;
                left = new Or(left, ParseAnd());
            }

            return left;
        }

        private ODataFilter ParseAnd()
        {
            var left = ParsePrimary();
            while (IsWord("and"))
            {
                _position++;
                left = new And(left, ParsePrimary());
            }

            return left;
        }

        private ODataFilter ParsePrimary()
        {
            if (Peek == "(")
            {
                _position++;
                var inner = ParseOr();
                Expect(")");
                return inner;
            }

            var path = Next();
            if (path.EndsWith("/any", StringComparison.OrdinalIgnoreCase) && Peek == "(")
            {
                _position++;
                var variable = Next();
                Expect(":");
                var condition = ParseOr();
                Expect(")");
                return new Any(path[..^4], variable, condition);
            }

            var op = Next().ToLowerInvariant();
            if (op is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le")) throw new FormatException($"Unsupported operator '{op}' in $filter.");
            var literal = Next();
            return new Comparison(path, op, literal.StartsWith('\'') ? literal[1..] : literal == "null" ? null : literal);
        }

        private bool IsWord(string word) => !AtEnd && tokens[_position].Equals(word, StringComparison.OrdinalIgnoreCase);

        private string Next() => AtEnd ? throw new FormatException("Incomplete $filter expression.") : tokens[_position++];

        private void Expect(string token)
        {
            if (Next() != token) throw new FormatException($"Expected '{token}' in $filter.");
        }
    }
}

/// <summary>Something a <see cref="ODataFilter"/> can look into: property paths and collections by Graph name.</summary>
internal interface IFilterable
{
    /// <summary>False when the path is not a property the sandbox knows (the comparison is then tolerated).</summary>
    bool TryGet(string path, out string? value);

    /// <summary>The elements of a collection property, or null when unknown.</summary>
    IEnumerable<IFilterable>? Elements(string path);
}
