using System.Globalization;

namespace Talka.Domain.Narrative;

/// <summary>
/// Checks the figures a narrative states against a project's records. A figure is compared only where it is clear
/// what it counts. Of the whole project: a total that says so ("Viso projekto veiklose dalyvavo 209 asm."), or the
/// text's only count of its kind; persons counted at events ("24 seminarai, kurių metu buvo apmokyta 460 dalyvių")
/// against the headcount, never against distinct persons; persons of the project against distinct persons; money used
/// against the funds reported used, money granted against the agreement; a day against the project's start or end or
/// the agreement's signature; a year of the project against its years; a reference against the agreement's and the
/// application's numbers. Of one activity: persons, sessions, academic hours and days in a passage that names an
/// activity of the plan (its sentence, else its paragraph, else the report section it was written for) against that
/// activity's records. A part ("iš jų 45 vaikai") and anything else is not comparable.
/// </summary>
public static class NarrativeCheck
{
    /// <param name="text">The text the facts were read from: its paragraphs tell which activity a figure is of.</param>
    /// <param name="section">The activity the text was written for (a report's narrative), if any.</param>
    public static IReadOnlyList<FactCheck> Check(
        string text,
        IReadOnlyList<NarrativeFact> facts,
        ProjectRecords records,
        Guid? section = null
    )
    {
        var activities = records.Activities ?? [];
        var sectionActivity = activities.FirstOrDefault(a => a.Id == section);
        var checks = new List<FactCheck>();
        foreach (var fact in facts)
        {
            var activity = fact.Sentence.Contains("projekt", StringComparison.OrdinalIgnoreCase)
                ? null
                : (
                    ActivityPassages.Named(fact.Sentence, activities)
                    ?? ActivityPassages.Named(ActivityPassages.Paragraph(text, fact.Start), activities)
                    ?? sectionActivity
                );
            checks.Add(
                activity is not null
                && fact.Kind is FactKind.Persons or FactKind.Sessions or FactKind.AcademicHours or FactKind.Days
                && !fact.Part
                    ? CheckOfActivity(fact, facts, activity)
                    : CheckOne(fact, facts, records)
            );
        }
        return checks;
    }

    private static FactCheck CheckOfActivity(NarrativeFact fact, IReadOnlyList<NarrativeFact> all, ActivityRecords a)
    {
        if (a.Events == 0)
            return new FactCheck(fact, Verdict.NoMatchingRecord, null, null, "Events", a);
        var withSessions = all.Any(f => f.Kind == FactKind.Sessions && f.Sentence == fact.Sentence);
        switch (fact.Kind)
        {
            // People at the activity's events, each counted at each, where the sentence counts them at its events or
            // the records hold headcounts only; otherwise the distinct persons.
            case FactKind.Persons when withSessions || a.DistinctParticipants == 0:
                return Compare(fact, a.AtEvents, "Headcount", a);
            case FactKind.Persons:
                return Compare(fact, a.DistinctParticipants, "DistinctParticipants", a);
            // "5 vnt. po 6 ak. val.": where the sessions agree, their hours are compared too.
            case FactKind.Sessions
                when fact.Value == a.Sessions && fact.SessionHours is { } hours && hours != a.AcademicHours:
                return new FactCheck(fact, Verdict.Differs, a.AcademicHours, null, "AcademicHours", a);
            case FactKind.Sessions:
                return Compare(fact, a.Sessions, "Sessions", a);
            case FactKind.AcademicHours:
                return Compare(fact, a.AcademicHours, "AcademicHours", a);
            default:
                return Compare(fact, a.Days, "Days", a);
        }
    }

    private static FactCheck CheckOne(NarrativeFact fact, IReadOnlyList<NarrativeFact> all, ProjectRecords r)
    {
        if (fact.Part)
            return new FactCheck(fact, Verdict.NotComparable, null, null, null);
        var sentence = fact.Sentence.ToLowerInvariant();
        bool Only(FactKind kind) => all.Count(f => f.Kind == kind) == 1;
        // A total of the whole project says so ("Viso projekto veiklose dalyvavo 209 asm."); "Viso 106 seminarų
        // dalyviai" is a total of one activity's participants.
        bool WholeProject() => sentence.Contains("projekt", StringComparison.Ordinal);
        var withSessions = all.Any(f => f.Kind == FactKind.Sessions && f.Sentence == fact.Sentence);
        switch (fact.Kind)
        {
            // Persons at the text's only count of events: people at events, each counted at each.
            case FactKind.Persons when withSessions && Only(FactKind.Sessions):
                return Compare(fact, r.AtEvents, "Headcount");
            case FactKind.Persons when WholeProject() || Only(FactKind.Persons):
                return Compare(fact, r.DistinctParticipants, "DistinctParticipants");
            case FactKind.Sessions when Only(FactKind.Sessions) && fact.PerSession is null:
                return Compare(fact, r.Sessions, "Sessions");
            case FactKind.AcademicHours when Only(FactKind.AcademicHours) || (fact.Total && WholeProject()):
                return Compare(fact, r.AcademicHours, "AcademicHours");
            case FactKind.Money when sentence.Contains("panaudot", StringComparison.Ordinal):
                return r.FundsUsed is { } used
                    ? Compare(fact, used, "FundsUsed")
                    : new FactCheck(fact, Verdict.NoMatchingRecord, null, null, "FundsUsed");
            case FactKind.Money when Only(FactKind.Money):
                return r.AgreementAmount is { } granted ? Compare(fact, granted, "AgreementAmount")
                    : r.FundsUsed is { } spent ? Compare(fact, spent, "FundsUsed")
                    : new FactCheck(fact, Verdict.NoMatchingRecord, null, null, "AgreementAmount");
            case FactKind.Date when fact.From is { } day:
                return CheckDay(fact, day, sentence, r);
            // A year of the project ("2022 m. įgyvendinome projektą"), not of its context ("Nuo 2014 m. vykdoma
            // pertvarka").
            case FactKind.Period when fact.From is { } from && fact.To is { } to && WholeProject():
                var inside = from.Year >= r.Start.Year && to.Year <= r.End.Year;
                return new FactCheck(
                    fact,
                    inside ? Verdict.Agrees : Verdict.Differs,
                    null,
                    Years(r.Start, r.End),
                    "Period"
                );
            case FactKind.Reference when fact.Reference is { } number:
                if (Same(number, r.AgreementNumber))
                    return new FactCheck(fact, Verdict.Agrees, null, r.AgreementNumber, "AgreementNumber");
                if (Same(number, r.ApplicationNumber))
                    return new FactCheck(fact, Verdict.Agrees, null, r.ApplicationNumber, "ApplicationNumber");
                return new FactCheck(fact, Verdict.NoMatchingRecord, null, null, null);
            default:
                return new FactCheck(fact, Verdict.NotComparable, null, null, null);
        }
    }

    private static FactCheck Compare(
        NarrativeFact fact,
        decimal recorded,
        string source,
        ActivityRecords? activity = null
    ) =>
        new(
            fact,
            fact.Value == recorded ? Verdict.Agrees : Verdict.Differs,
            recorded,
            recorded.ToString(CultureInfo.InvariantCulture),
            source,
            activity
        );

    private static FactCheck CheckDay(NarrativeFact fact, DateOnly day, string sentence, ProjectRecords r)
    {
        if (day == r.End || day == r.Start || day == r.AgreementSigned)
            return new FactCheck(
                fact,
                Verdict.Agrees,
                null,
                day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                day == r.AgreementSigned ? "AgreementSigned"
                    : day == r.End ? "End"
                    : "Start"
            );
        DateOnly? meant =
            sentence.Contains("pasiraš", StringComparison.Ordinal) ? r.AgreementSigned
            : sentence.Contains("pabaig", StringComparison.Ordinal)
            || sentence.Contains("iki ", StringComparison.Ordinal)
                ? r.End
            : sentence.Contains("pradži", StringComparison.Ordinal) ? r.Start
            : null;
        return meant is { } recorded
            ? new FactCheck(
                fact,
                Verdict.Differs,
                null,
                recorded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "Date"
            )
            : new FactCheck(fact, Verdict.NotComparable, null, null, null);
    }

    private static bool Same(string stated, string? recorded) =>
        recorded is not null && string.Equals(Normal(stated), Normal(recorded), StringComparison.OrdinalIgnoreCase);

    private static string Normal(string number) => new([.. number.Where(char.IsLetterOrDigit)]);

    private static string Years(DateOnly start, DateOnly end) =>
        start.Year == end.Year ? $"{start.Year}" : $"{start.Year}–{end.Year}";
}
