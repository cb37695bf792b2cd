namespace Talka.Domain.Accounts;

/// <summary>Why a new password is refused (see <see cref="PasswordPolicy"/>).</summary>
public enum PasswordProblem
{
    TooShort,
    TooLong,

    /// <summary>On the list of common passwords, once digits and punctuation are set aside.</summary>
    Common,

    /// <summary>Contains the person's own e-mail name or the name of the organisation.</summary>
    Personal,

    /// <summary>One character repeated, or a run such as "abcdef…" or "123456…".</summary>
    Repetitive,
}
