using Talka.Domain.Calls;
using Talka.Domain.Common;

namespace Talka.Domain.Agreements;

public sealed record AgreementFundingLine(FundingSource Source, decimal Amount);

public sealed record AgreementDetails(
    string? Number, DateOnly? SignedOn, DateOnly PeriodStart, DateOnly PeriodEnd, decimal? GrantedAmount,
    IReadOnlyList<AgreementFundingLine> Funding);

/// <summary>
/// An agreement (sutartis) for a project. Its period lies within the call's project period and its granted
/// amount within the call's minimum and maximum. Number and amount may be unknown for records transcribed
/// from old publications; an agreement entered through Talka states both. Its lifecycle (<see cref="AgreementStatus"/>):
/// a draft, sent for signature, active once signed (the day and the signatories), then closed or terminated with a
/// reason; an agreement entered with its signature day is active from the start.
/// </summary>
public sealed class Agreement : IVersioned
{
    private readonly List<AgreementFunding> _funding = [];

    private Agreement() { }

    public Agreement(Guid projectId, Call call, AgreementDetails details)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        CallId = call.Id;
        Apply(call, details);
        Status = SignedOn is null ? AgreementStatus.Draft : AgreementStatus.Active;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid CallId { get; private set; }
    public string? Number { get; private set; }
    public DateOnly? SignedOn { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public DateRange Period => new(PeriodStart, PeriodEnd);
    public decimal? GrantedAmount { get; private set; }
    public IReadOnlyList<AgreementFunding> Funding => _funding;
    public AgreementStatus Status { get; private set; }
    public string? Signatories { get; private set; }
    public DateOnly? TerminatedOn { get; private set; }
    public DateOnly? SettledOn { get; private set; }
    public decimal? Admitted { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? TerminationReason { get; private set; }
    public int Version { get; set; }

    /// <summary>Signed and not terminated: what releases the payments due on signature.</summary>
    public bool IsSigned => Status is AgreementStatus.Active or AgreementStatus.Closed;

    public void Update(Call call, AgreementDetails details)
    {
        if (Status is AgreementStatus.Closed or AgreementStatus.Terminated)
            throw new DomainException("AgreementEnded", nameof(Status));
        Apply(call, details);
        if (SignedOn is not null && Status is AgreementStatus.Draft or AgreementStatus.SentForSignature)
            Status = AgreementStatus.Active;
    }

    public void SendForSignature()
    {
        if (Status != AgreementStatus.Draft)
            throw new DomainException("AgreementNotDraft", nameof(Status));
        EnsureComplete();
        Status = AgreementStatus.SentForSignature;
    }

    /// <summary>Records the signature: the day (not in the future) and who signed, and makes the agreement
    /// active.</summary>
    public void Sign(DateOnly signedOn, string? signatories, DateOnly today)
    {
        if (Status is not (AgreementStatus.Draft or AgreementStatus.SentForSignature))
            throw new DomainException("AgreementAlreadySigned", nameof(Status));
        EnsureComplete();
        if (signedOn > today)
            throw new DomainException("DateInFuture", nameof(SignedOn));
        Signatories = Guard.Required(signatories, nameof(Signatories), 500);
        SignedOn = signedOn;
        Status = AgreementStatus.Active;
    }

    public void Terminate(DateOnly on, string? reason)
    {
        if (Status is AgreementStatus.Closed or AgreementStatus.Terminated)
            throw new DomainException("AgreementEnded", nameof(Status));
        TerminationReason = Guard.Required(reason, nameof(TerminationReason), 2000);
        TerminatedOn = on;
        Status = AgreementStatus.Terminated;
    }

    /// <summary>Records the settlement: the day and the eligible expenses admitted.</summary>
    public void Settle(DateOnly on, decimal admitted)
    {
        if (Status != AgreementStatus.Active)
            throw new DomainException("AgreementNotSigned", nameof(Status));
        if (SettledOn is not null)
            throw new DomainException("AlreadySettled", nameof(Status));
        SettledOn = on;
        Admitted = admitted;
    }

    /// <summary>Closes a settled agreement once nothing is left to pay or recover: the project becomes
    /// read-only.</summary>
    public void Close(DateOnly on)
    {
        if (Status != AgreementStatus.Active || SettledOn is null)
            throw new DomainException("AgreementNotSettled", nameof(Status));
        ClosedOn = on;
        Status = AgreementStatus.Closed;
    }

    private void EnsureComplete()
    {
        if (Number is null)
            throw new DomainException("Required", nameof(Number));
        if (GrantedAmount is null)
            throw new DomainException("Required", nameof(GrantedAmount));
    }

    private void Apply(Call call, AgreementDetails d)
    {
        if (call.Id != CallId) throw new DomainException("AgreementCallMismatch", "CallId");
        Number = Guard.Optional(d.Number, nameof(Number), 100);
        SignedOn = d.SignedOn;
        var period = new DateRange(d.PeriodStart, d.PeriodEnd, nameof(PeriodEnd));
        call.EnsureWithinProjectPeriod(period, nameof(PeriodStart));
        PeriodStart = period.Start;
        PeriodEnd = period.End;
        if (d.GrantedAmount is { } granted) call.EnsureGrantWithinBounds(granted, nameof(GrantedAmount));
        GrantedAmount = d.GrantedAmount;
        foreach (var line in d.Funding) Guard.NonNegativeAmount(line.Amount, "Funding");
        if (d.Funding.GroupBy(f => f.Source).Any(g => g.Count() > 1)) throw new DomainException("FundingSourceTwice", "Funding");
        // The sources say where the granted amount comes from: together they are that amount (the organisation's own
        // contribution comes on top of the grant and is not part of it).
        var granting = d.Funding.Where(f => f.Source != FundingSource.OwnFunds).ToList();
        if (d.GrantedAmount is { } total && granting.Count > 0 && granting.Sum(f => f.Amount) != total)
            throw new DomainException("FundingNotGrant", "Funding", granting.Sum(f => f.Amount), total);
        _funding.Clear();
        _funding.AddRange(d.Funding.Select(f => new AgreementFunding(Id, f.Source, f.Amount)));
    }

    /// <summary>The state's share: what decides the activity-report frequency.</summary>
    public decimal StateFunding => _funding.Where(f => f.Source == FundingSource.StateBudget).Sum(f => f.Amount);
}

public sealed class AgreementFunding
{
    private AgreementFunding() { }
    internal AgreementFunding(Guid agreementId, FundingSource source, decimal amount)
    {
        Id = Guid.CreateVersion7();
        AgreementId = agreementId;
        Source = source;
        Amount = amount;
    }
    public Guid Id { get; private set; }
    public Guid AgreementId { get; private set; }
    public FundingSource Source { get; private set; }
    public decimal Amount { get; private set; }
}
