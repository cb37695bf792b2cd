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
/// from old publications; an agreement entered through Talka states both.
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
    public int Version { get; set; }

    public void Update(Call call, AgreementDetails details) => Apply(call, details);

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
