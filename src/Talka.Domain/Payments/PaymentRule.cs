namespace Talka.Domain.Payments;

/// <summary>When a tranche may be paid: on the agreement's signature, after a named report of the project is
/// approved, or after its final report is approved.</summary>
public enum PaymentRule
{
    OnSignature,
    AfterReport,
    AfterFinalReport,
}
