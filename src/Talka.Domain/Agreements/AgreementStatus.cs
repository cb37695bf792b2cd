namespace Talka.Domain.Agreements;

/// <summary>An agreement's lifecycle: drafted (from a funding decision, or entered) → sent for signature → active once
/// signed → closed at the end, or terminated with a reason.</summary>
public enum AgreementStatus
{
    Draft,
    SentForSignature,
    Active,
    Closed,
    Terminated,
}
