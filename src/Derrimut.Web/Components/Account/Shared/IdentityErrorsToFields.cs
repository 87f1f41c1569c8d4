using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace Derrimut.Web.Components.Account.Shared;

/// <summary>Puts Identity's errors (password policy, email rules) next to the field they are about.</summary>
internal static class IdentityErrorsToFields
{
    /// <summary>Adds each error to the field its code names (password policy codes to <paramref name="passwordField"/>).</summary>
    /// <returns>The errors no field claims, for a message above the form.</returns>
    public static IReadOnlyList<string> AddTo(
        ValidationMessageStore store,
        IdentityResult result,
        FieldIdentifier passwordField,
        FieldIdentifier? emailField = null,
        FieldIdentifier? currentPasswordField = null)
    {
        var unclaimed = new List<string>();
        foreach (var error in result.Errors)
        {
            if (error.Code == "PasswordMismatch" && currentPasswordField is { } current)
            {
                store.Add(current, "Your current password is not right.");
            }
            else if (error.Code.StartsWith("Password", StringComparison.Ordinal) && error.Code != "PasswordMismatch")
            {
                store.Add(passwordField, error.Description);
            }
            else if (emailField is { } email && error.Code is "InvalidEmail" or "InvalidUserName" or "DuplicateEmail" or "DuplicateUserName")
            {
                store.Add(email, error.Description);
            }
            else
            {
                unclaimed.Add(error.Description);
            }
        }

        return unclaimed;
    }
}
