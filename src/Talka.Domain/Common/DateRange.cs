namespace Talka.Domain.Common;

/// <summary>An inclusive range of calendar days.</summary>
public readonly record struct DateRange
{
    public DateOnly Start { get; }
    public DateOnly End { get; }

    public DateRange(DateOnly start, DateOnly end, string field = "Period")
    {
        if (end < start) throw new DomainException("PeriodEndBeforeStart", field);
        Start = start;
        End = end;
    }

    public bool Contains(DateOnly day) => day >= Start && day <= End;
    public bool Contains(DateRange other) => other.Start >= Start && other.End <= End;
    public override string ToString() => $"{Start:yyyy-MM-dd} – {End:yyyy-MM-dd}";
}
