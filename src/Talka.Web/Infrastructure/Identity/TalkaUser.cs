using Microsoft.AspNetCore.Identity;

namespace Talka.Web.Infrastructure.Identity;

public sealed class TalkaUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>"lt" or "en": the language of the e-mails Talka sends this person (the last one they chose).</summary>
    public string Language { get; set; } = "lt";

    /// <summary>When a funder admin disabled the account; a disabled account cannot sign in, and its sessions and
    /// tokens ended when it was disabled.</summary>
    public DateTime? DisabledAt { get; set; }

    public DateTime? LastSignInAt { get; set; }
}
