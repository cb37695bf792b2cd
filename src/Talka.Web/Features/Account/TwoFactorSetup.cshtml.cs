using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using Talka.Web.Infrastructure.Identity;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Account;

/// <summary>Setting up two-factor sign-in with an authenticator app (TOTP): the key as a QR code and as text, a code
/// to prove it works, then ten recovery codes shown once.</summary>
public sealed class TwoFactorSetupModel(
    UserManager<TalkaUser> users,
    SignInManager<TalkaUser> signIn,
    IConfiguration configuration,
    IHostEnvironment environment
) : TalkaPage
{
    [BindProperty]
    public string? Code { get; set; }
    public bool Enabled { get; private set; }
    public bool Required =>
        configuration.GetValue("Talka:TwoFactor:RequiredForFunderAdmins", environment.IsProduction())
        && User.IsInRole(Talka.Domain.Common.Roles.FunderAdmin);
    public string SharedKey { get; private set; } = "";
    public string QrCode { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        var code = new string((Code ?? "").Where(char.IsDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), T["TwoFactor.Wrong"]);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        // Turning it on gave the account a new security stamp: this session goes on with a fresh cookie.
        await signIn.SignInAsync(user, isPersistent: false);
        return Page();
    }

    public async Task<IActionResult> OnPostNewCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (!user.TwoFactorEnabled)
            return Redirect(TwoFactorRequirement.SetupPath);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        return Page();
    }

    /// <summary>Turns two-factor sign-in off, unless the person's role requires it; the key and the recovery codes
    /// are forgotten, and this session goes on with a fresh cookie.</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (Required)
            return Redirect(TwoFactorRequirement.SetupPath);
        await Talka.Web.Features.Users.UserAdministration.TwoFactorOff(users, user);
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Saved"] = T["TwoFactor.Setup.TurnedOff"];
        return Redirect(TwoFactorRequirement.SetupPath);
    }

    private async Task LoadAsync(TalkaUser user)
    {
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A first key, through the store: Identity's ResetAuthenticatorKeyAsync would also renew the security
            // stamp and so end this very session (and the person's API tokens) before two-factor is even on.
            var store =
                (IUserAuthenticatorKeyStore<TalkaUser>)
                    HttpContext.RequestServices.GetRequiredService<IUserStore<TalkaUser>>();
            key = users.GenerateNewAuthenticatorKey();
            await store.SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }
        SharedKey = string.Join(" ", key!.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Talka:" + user.Email)}?secret={key}&issuer=Talka&digits=6";
        using var data = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
