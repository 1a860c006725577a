using System.Diagnostics.CodeAnalysis;

namespace ParkCycle.Domain.Model;

/// <summary>
/// The kebab-case codes that datasets use for an enumeration (<c>waste-heat</c>, <c>fine-chemicals</c>),
/// mapped both ways. One table per enum, built from the member names, so code and data never drift.
/// </summary>
public static class Codes<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> ToCode =
        Enum.GetValues<TEnum>().ToDictionary(v => v, v => Kebab(v.ToString()));

    private static readonly Dictionary<string, TEnum> FromCode =
        ToCode.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    /// <summary>All codes in declaration order, e.g. for error messages.</summary>
    public static IReadOnlyList<string> All { get; } = [.. ToCode.Values];

    /// <summary>The kebab-case code of a member, e.g. <c>WasteHeat</c> → <c>waste-heat</c>.</summary>
    public static string Of(TEnum value) => ToCode[value];

    /// <summary>The member of a kebab-case code (trimmed, case-sensitive); false for null or an unknown code.</summary>
    public static bool TryParse(string? code, [NotNullWhen(true)] out TEnum value)
    {
        value = default;
        return code is not null && FromCode.TryGetValue(code.Trim(), out value);
    }

    private static string Kebab(string pascal)
    {
        var chars = new List<char>(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                chars.Add('-');
            }

            chars.Add(char.ToLowerInvariant(c));
        }

        return new string([.. chars]);
    }
}
