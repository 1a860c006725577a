using System.Security.Claims;
using ParkCycle.Server.Security;

namespace ParkCycle.Server.Api;

/// <summary>The checks every endpoint shares: required fields and the Idempotency-Key, codes, paging, who may read or write an enterprise.</summary>
internal static class ApiChecks
{
    internal static Dictionary<string, string[]> Required(HttpContext http, params (string? Value, string Field)[] fields)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (value, field) in fields)
        {
            Require(errors, !string.IsNullOrWhiteSpace(value), field);
        }

        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            errors["Idempotency-Key"] = ["the header is required so a retry never doubles a report"];
        }
        else if (key.Length > 128 || key.Any(ch => ch is < '!' or > '~'))
        {
            errors["Idempotency-Key"] = ["at most 128 printable ASCII characters"];
        }

        return errors;
    }

    internal static void Require(Dictionary<string, string[]> errors, bool ok, string field)
    {
        if (!ok)
        {
            errors[field] = ["a value is required"];
        }
    }

    internal static T Enum<T>(Dictionary<string, string[]> errors, string? value, string field, T fallback)
        where T : struct, System.Enum
    {
        if (value is null)
        {
            return fallback;
        }

        if (Domain.Model.Codes<T>.TryParse(value, out var parsed))
        {
            return parsed;
        }

        errors[field] = [$"'{value}' is not one of: {string.Join(", ", Domain.Model.Codes<T>.All)}"];
        return fallback;
    }

    internal static bool MayRead(ClaimsPrincipal user, string enterprise) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Investment) || user.FindFirstValue(TokenIssuer.EnterpriseClaim) == enterprise;

    internal static bool MayWrite(ClaimsPrincipal user, string enterprise) =>
        user.IsInRole(Roles.Administrator) || (user.IsInRole(Roles.Enterprise) && user.FindFirstValue(TokenIssuer.EnterpriseClaim) == enterprise);

    internal static IResult Forbidden() =>
        Results.Problem(title: "this account may not access that enterprise's data", statusCode: StatusCodes.Status403Forbidden);

    internal static (int Page, int Size) Paging(int? page, int? pageSize) => (page ?? 1, pageSize ?? 50);

    /// <summary>The most pages a list is read to (with page_size 500, half a billion items): past it a page number is an error, never a wrap.</summary>
    internal const int MaxPage = 1_000_000;

    internal static IResult? PagingProblem(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > MaxPage)
        {
            errors["page"] = [$"{page} is out of range (1 to {MaxPage})"];
        }

        if (pageSize is < 1 or > 500)
        {
            errors["page_size"] = [$"{pageSize} is out of range (1 to 500)"];
        }

        return errors.Count == 0 ? null : Results.ValidationProblem(errors);
    }
}
