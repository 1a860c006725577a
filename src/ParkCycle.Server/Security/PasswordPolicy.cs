namespace ParkCycle.Server.Security;

/// <summary>
/// What an account's username and password must be (docs/security.md). Usernames: 3–64 letters, digits, <c>.</c>,
/// <c>_</c>, <c>-</c> or <c>@</c>, no spaces or control characters. Passwords: 12–128 characters, not blank, not the
/// username, at least 5 different characters, and not one of the most common passwords with digits or symbols added.
/// </summary>
public static class PasswordPolicy
{
    /// <summary>The shortest password: 12 characters (NIST SP 800-63B asks at least 8; 12 for administrators' accounts).</summary>
    public const int MinLength = 12;

    /// <summary>The longest password: 128 characters (hashing a longer one costs the server, not an attacker).</summary>
    public const int MaxLength = 128;

    // Base words of the most frequent passwords in public breach corpora (e.g. the SecLists top lists), plus this
    // product's own name and default: a password that is one of them with digits or symbols around it is refused.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passw0rd", "qwerty", "qwertyuiop", "asdfgh", "asdfghjkl", "zxcvbnm", "abc", "abcdef", "letmein", "welcome",
        "admin", "administrator", "iloveyou", "monkey", "dragon", "football", "baseball", "sunshine", "princess", "master",
        "shadow", "superman", "trustno1", "starwars", "login", "changeme", "secret", "default", "parkcycle", "parkcycle-admin",
        "1qaz2wsx", "qazwsx", "test", "guest", "user", "root",
    };

    /// <summary>Why <paramref name="username"/> is refused, or null.</summary>
    public static string? UsernameProblem(string? username)
    {
        if (string.IsNullOrEmpty(username))
        {
            return "a value is required";
        }

        if (username.Length is < 3 or > 64 || !username.All(ch => char.IsLetterOrDigit(ch) || ch is '.' or '_' or '-' or '@'))
        {
            return "3 to 64 letters, digits, '.', '_', '-' or '@' (no spaces or control characters)";
        }

        return null;
    }

    /// <summary>Why <paramref name="password"/> is refused for <paramref name="username"/>, or null.</summary>
    public static string? Problem(string? password, string? username)
    {
        if (string.IsNullOrWhiteSpace(password))
        {
            return "a password is required (not blank)";
        }

        if (password.Length < MinLength || password.Trim().Length < MinLength)
        {
            return $"at least {MinLength} characters, not counting spaces at either end";
        }

        if (password.Length > MaxLength)
        {
            return $"at most {MaxLength} characters";
        }

        if (password.Any(char.IsControl))
        {
            return "no control characters";
        }

        if (username is not null && string.Equals(password.Trim(), username, StringComparison.OrdinalIgnoreCase))
        {
            return "must not be the username";
        }

        if (password.Distinct().Count() < 5)
        {
            return "at least 5 different characters";
        }

        var core = password.Trim().Trim("0123456789!@#$%^&*()-_=+.,;:?~ ".ToCharArray());
        if (core.Length == 0 || Common.Contains(core) || IsSequence(password))
        {
            return "too common: a frequent password, a keyboard run or a number sequence with digits or symbols added";
        }

        return null;
    }

    private static bool IsSequence(string password) =>
        "01234567890123456789".Contains(password, StringComparison.Ordinal) || "98765432109876543210".Contains(password, StringComparison.Ordinal);
}
