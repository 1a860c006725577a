using ParkCycle.Grains.Abstractions;
using ParkCycle.Server.Security;

namespace ParkCycle.Server.Api;

/// <summary>Sign-in, sign-out, accounts and the audit log (<c>/api/auth</c>, <c>/api/accounts</c>, <c>/api/audit</c>).</summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueToken).AllowAnonymous().WithName("IssueToken");
        api.MapPost("/auth/logout", LogOut).AllowAnonymous();
        api.MapPost("/accounts", CreateAccount).RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        api.MapGet("/audit", ReadAudit).RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        return api;
    }

    private static async Task<IResult> IssueToken(TokenRequest request, AccountStore accounts, TokenIssuer tokens, LoginThrottle throttle, TimeProvider clock, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Username))
        {
            errors["username"] = ["a value is required"];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["a value is required"];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "local";
        if (throttle.RetryAfter(request.Username!, address) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(title: "too many failed logins; wait before trying again", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var account = request.Password!.Length > PasswordPolicy.MaxLength ? null : accounts.Verify(request.Username!, request.Password!);
        if (account is null)
        {
            throttle.Failed(request.Username!, address);
            // Failed logins are audited (bounded: the throttle stops a flood after a few per account and address).
            var who = new string([.. request.Username!.Where(ch => !char.IsControl(ch)).Take(64)]);
            await accounts.AuditAsync($"login-failed:{who}", http.Request.Method, http.Request.Path, StatusCodes.Status401Unauthorized, clock.GetUtcNow());
            return Results.Problem(title: "wrong username or password", statusCode: StatusCodes.Status401Unauthorized);
        }

        var token = tokens.Issue(account);
        http.Response.Cookies.Append(ServerSetup.TokenCookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
        return Results.Ok(new TokenResponse(token, "Bearer", account.Role, account.Enterprise));
    }

    /// <summary>
    /// Logs out: with a valid token, the account's security stamp is rotated so every token issued to it so far is
    /// refused; the session cookie is cleared (it is HttpOnly, so only the server can) and the browser forgets the token.
    /// </summary>
    private static async Task<IResult> LogOut(HttpContext http, AccountStore accounts)
    {
        if (http.User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            await accounts.RotateStampAsync(name);
        }

        http.Response.Cookies.Delete(ServerSetup.TokenCookie, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
        http.Response.Headers["Clear-Site-Data"] = "\"cookies\", \"storage\"";
        return Results.NoContent();
    }

    private static async Task<IResult> CreateAccount(AccountRequest request, AccountStore accounts, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        if (PasswordPolicy.UsernameProblem(request.Username) is { } usernameProblem)
        {
            errors["username"] = [usernameProblem];
        }

        if (PasswordPolicy.Problem(request.Password, request.Username) is { } passwordProblem)
        {
            errors["password"] = [passwordProblem];
        }

        if (request.Enterprise is { Length: > Domain.Model.Identifier.MaxLength })
        {
            errors["enterprise"] = ["not an enterprise id"];
        }

        if (request.Role is null || !Roles.All.Contains(request.Role))
        {
            errors["role"] = [$"one of: {string.Join(", ", Roles.All)}"];
        }
        else if (request.Role == Roles.Enterprise && (request.Enterprise is null || await grains.GetGrain<IEnterpriseGrain>(request.Enterprise).GetProfileAsync() is null))
        {
            errors["enterprise"] = [request.Enterprise is null ? "an enterprise user needs its enterprise id" : $"unknown enterprise '{request.Enterprise}'"];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        await accounts.UpsertAsync(request.Username!, request.Password!, request.Role!, request.Role == Roles.Enterprise ? request.Enterprise : null);
        return Results.Created($"/api/accounts/{request.Username}", new { username = request.Username, role = request.Role, enterprise = request.Enterprise });
    }

    private static IResult ReadAudit(AccountStore accounts, int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int? pageSize)
    {
        if (ApiChecks.PagingProblem(page, pageSize) is { } problem)
        {
            return problem;
        }

        var (p, size) = ApiChecks.Paging(page, pageSize);
        var items = accounts.ReadAudit((p - 1) * size, size);
        return Results.Ok(new Paged<AuditEntry>(items, p, size, -1));
    }
}
