namespace Talka.Domain.Payments;

/// <summary>A tranche as planned: its amount, the day it is planned for, its release rule and, for
/// <see cref="PaymentRule.AfterReport"/>, the report it waits for.</summary>
public sealed record TrancheInput(decimal Amount, DateOnly? PlannedOn, PaymentRule Rule, Guid? ReportId = null);
