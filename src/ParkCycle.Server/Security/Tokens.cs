using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ParkCycle.Server.Security;

/// <summary>Issues the server's JWT bearer tokens (HMAC-SHA256, 8 hours) carrying the user's role, enterprise and security stamp.</summary>
public sealed class TokenIssuer(SymmetricSecurityKey key, TimeProvider clock)
{
    public const string Issuer = "parkcycle";
    public const string EnterpriseClaim = "enterprise";

    /// <summary>The account's security stamp when the token was issued; checked on every request (<see cref="AccountStore.IsCurrent"/>).</summary>
    public const string StampClaim = "stamp";

    public SymmetricSecurityKey Key { get; } = key;

    /// <summary>A signing key from configuration (base64, ≥ 32 bytes) or, when none is given, a random one (see <see cref="SigningKeyFile"/> for the kept one).</summary>
    public static SymmetricSecurityKey KeyFrom(string? base64) =>
        new(base64 is { Length: > 0 } ? Convert.FromBase64String(base64) : RandomNumberGenerator.GetBytes(32));

    public string Issue(Account account)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, account.Username), new(ClaimTypes.Role, account.Role), new(StampClaim, account.Stamp) };
        if (account.Enterprise is { } e)
        {
            claims.Add(new Claim(EnterpriseClaim, e));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JwtSecurityToken(Issuer, Issuer, claims, now, now.AddHours(8), new SigningCredentials(Key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
