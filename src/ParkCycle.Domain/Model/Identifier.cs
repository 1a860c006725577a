using System.Text.RegularExpressions;

namespace ParkCycle.Domain.Model;

/// <summary>
/// The identifier grammar of parks, zones, enterprises, materials, flows, rules and projects: an ASCII letter or
/// digit, then up to 99 ASCII letters, digits, <c>-</c>, <c>_</c>, <c>.</c> or <c>:</c> (the live park's report flows
/// are <c>report:&lt;report id&gt;</c>). Nothing that HTML, a URL path, a CSV cell or a grain key would treat
/// specially: no <c>&lt;</c>, <c>&amp;</c>, quote, space, <c>/</c>, <c>?</c>, <c>#</c> or <c>|</c>.
/// </summary>
public static partial class Identifier
{
    /// <summary>The longest identifier: 100 characters (room for the live park's <c>report:</c> flow ids).</summary>
    public const int MaxLength = 100;

    /// <summary>The grammar in words, for error messages.</summary>
    public const string Grammar = "an ASCII letter or digit, then ASCII letters, digits, '-', '_', '.' or ':', at most 100 characters";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Whether <paramref name="id"/> follows the grammar.</summary>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);
}
