using System.Globalization;

namespace ParkCycle.Graph;

/// <summary>A small recursive-descent parser for indicator formulas.</summary>
public static class FormulaParser
{
    /// <summary>Parses an indicator formula (+ − × ÷, parentheses, numbers, measure names); throws <see cref="FormatException"/> on a malformed one.</summary>
    public static Formula Parse(string text)
    {
        var tokens = Tokenize(text);
        var names = new List<string>();
        var position = 0;
        var root = Expression(tokens, ref position, names);
        if (position != tokens.Count)
        {
            throw new FormatException($"unexpected '{tokens[position]}' in formula '{text}'");
        }

        return new Formula(m => root(m), names.Distinct(StringComparer.Ordinal).ToList());
    }

    private delegate (decimal? Value, string? Zero) Node(Func<string, decimal> measure);

    private static Node Expression(List<string> t, ref int p, List<string> names)
    {
        var left = Term(t, ref p, names);
        while (p < t.Count && t[p] is "+" or "-")
        {
            var op = t[p++];
            var l = left;
            var r = Term(t, ref p, names);
            left = m =>
            {
                var (a, za) = l(m);
                var (b, zb) = r(m);
                return a is null || b is null ? (null, za ?? zb) : (op == "+" ? a + b : a - b, null);
            };
        }

        return left;
    }

    private static Node Term(List<string> t, ref int p, List<string> names)
    {
        var left = Factor(t, ref p, names);
        while (p < t.Count && t[p] is "*" or "/")
        {
            var op = t[p++];
            var denominatorText = p < t.Count ? t[p] : string.Empty;
            var l = left;
            var r = Factor(t, ref p, names);
            left = m =>
            {
                var (a, za) = l(m);
                var (b, zb) = r(m);
                if (a is null || b is null)
                {
                    return (null, za ?? zb);
                }

                if (op == "*")
                {
                    return (a * b, null);
                }

                return b == 0 ? (null, denominatorText) : (a / b, null);
            };
        }

        return left;
    }

    private static Node Factor(List<string> t, ref int p, List<string> names)
    {
        if (p >= t.Count)
        {
            throw new FormatException("formula ends too early");
        }

        var token = t[p++];
        if (token == "(")
        {
            var inner = Expression(t, ref p, names);
            if (p >= t.Count || t[p++] != ")")
            {
                throw new FormatException("missing ')' in formula");
            }

            return inner;
        }

        if (decimal.TryParse(token, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return _ => (number, null);
        }

        if (char.IsLetter(token[0]) || token[0] == '_')
        {
            names.Add(token);
            return m => (m(token), null);
        }

        throw new FormatException($"unexpected '{token}' in formula");
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if ("+-*/()".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }

                if (i == start)
                {
                    throw new FormatException($"unexpected '{c}' in formula '{text}'");
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }
}
