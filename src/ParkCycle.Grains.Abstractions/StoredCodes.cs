using ParkCycle.Domain.Model;

namespace ParkCycle.Grains.Abstractions;

/// <summary>
/// The grain messages store closed sets as kebab-case codes (what every version of the state holds) and read them as
/// the Domain's enums here. A code this version does not know is never turned into a member silently: the message's
/// <c>UnknownCodes</c> names it, and the fallback a reader gets is only ever used after checking those.
/// </summary>
internal static class StoredCodes
{
    /// <summary>The member for <paramref name="code"/>, or <paramref name="fallback"/> when it is unknown.</summary>
    public static TEnum Read<TEnum>(string? code, TEnum fallback)
        where TEnum : struct, Enum => Codes<TEnum>.TryParse(code, out var value) ? value : fallback;

    /// <summary>The member for an optional code; null when there is none or it is unknown.</summary>
    public static TEnum? ReadOptional<TEnum>(string? code)
        where TEnum : struct, Enum => Codes<TEnum>.TryParse(code, out var value) ? value : null;

    /// <summary>The members of the known codes, in order.</summary>
    public static IReadOnlyList<TEnum> ReadAll<TEnum>(IReadOnlyList<string>? codes)
        where TEnum : struct, Enum
    {
        var values = new List<TEnum>();
        foreach (var code in codes ?? [])
        {
            if (Codes<TEnum>.TryParse(code, out var value))
            {
                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>The codes of the members.</summary>
    public static IReadOnlyList<string> WriteAll<TEnum>(IReadOnlyList<TEnum> values)
        where TEnum : struct, Enum => [.. values.Select(Codes<TEnum>.Of)];

    /// <summary>The codes of <paramref name="codes"/> this version does not know, named by <paramref name="field"/>.</summary>
    public static IEnumerable<UnknownCode> Unknown<TEnum>(string field, IReadOnlyList<string?>? codes)
        where TEnum : struct, Enum =>
        (codes ?? []).Where(c => !Codes<TEnum>.TryParse(c, out _)).Select(c => new UnknownCode(field, c ?? string.Empty));
}
