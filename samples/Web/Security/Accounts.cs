using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using YouthJustice.Sdk.Samples.Web.Store;

namespace YouthJustice.Sdk.Samples.Web.Security;

/// <summary>Local accounts: passwords hashed with the framework's <see cref="PasswordHasher{TUser}"/>, stored in SQLite.</summary>
public sealed class Accounts(WebStore store)
{
    /// <summary>The role that may see child-level data, unsuppressed figures, and upload.</summary>
    public const string AnalystRole = "analyst";

    /// <summary>The authorization policy requiring <see cref="AnalystRole"/>.</summary>
    public const string AnalystPolicy = "analyst";

    /// <summary>The shortest password accepted.</summary>
    public const int MinimumPasswordLength = 12;

    private readonly PasswordHasher<StoredUser> _hasher = new();

    /// <summary>Creates an analyst account.</summary>
    /// <exception cref="ArgumentException">The name is empty, the password too short, or the name is taken.</exception>
    public void Create(string name, string password)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("The user name is empty.", nameof(name));
        }
        if (password.Length < MinimumPasswordLength)
        {
            throw new ArgumentException($"The password must be at least {MinimumPasswordLength} characters.", nameof(password));
        }
        var user = new StoredUser(name.Trim(), "", AnalystRole);
        if (!store.AddUser(user.Name, _hasher.HashPassword(user, password), AnalystRole))
        {
            throw new ArgumentException($"There is already a user '{user.Name}'.", nameof(name));
        }
    }

    /// <summary>The principal for a name and password, or <see langword="null"/> when they do not match.</summary>
    public ClaimsPrincipal? SignIn(string name, string password, string scheme)
    {
        var user = store.User(name.Trim());
        if (user is null)
        {
            // Hash anyway, so a wrong name takes as long as a wrong password.
            _hasher.HashPassword(new StoredUser("", "", ""), password);
            return null;
        }
        var verdict = _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            return null;
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            store.SetPasswordHash(user.Name, _hasher.HashPassword(user, password));
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)], scheme);
        return new ClaimsPrincipal(identity);
    }
}
