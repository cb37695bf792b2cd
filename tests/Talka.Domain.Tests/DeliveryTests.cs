using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Indicators;
using Talka.Domain.Projects;

namespace Talka.Domain.Tests;

public class EventTests
{
    private static readonly DateRange Year2022 = new(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31));

    private static EventDetails Seminar(DateOnly start, DateOnly end, int sessions = 5, decimal? hours = 6, HourUnit unit = HourUnit.Academic, int? headcount = null) =>
        new(null, EventKind.Seminar, "Vaiko prieraišumas", start, end, sessions, hours, unit, false, "Vilnius", "Vilniaus m.", null, [TargetGroup.NgoStaffAndVolunteers], headcount);

    [Fact]
    public void Five_seminars_of_six_academic_hours_are_thirty()
    {
        var e = new Event(Guid.NewGuid(), 1, Year2022, [], Seminar(new DateOnly(2022, 3, 1), new DateOnly(2022, 5, 31)));
        Assert.Equal(30m, e.AcademicHours(45));
        // Five sessions spread over March–May: two in the first quarter, three in the second.
        Assert.Equal([new QuarterSessions(new Quarter(2022, 1), 2), new QuarterSessions(new Quarter(2022, 2), 3)], e.Quarters);
    }

    [Fact]
    public void Astronomical_hours_convert_by_the_calls_academic_hour()
    {
        var e = new Event(Guid.NewGuid(), 1, Year2022, [], Seminar(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 1), sessions: 2, hours: 1.5m, unit: HourUnit.Astronomical));
        Assert.Equal(4m, e.AcademicHours(45));   // 2 × 90 min = 180 min = 4 × 45 min
        Assert.Equal(3m, e.AcademicHours(60));
    }

    [Fact]
    public void An_event_outside_the_project_period_is_refused_with_the_period_in_the_message()
    {
        var error = Assert.Throws<DomainException>(() => new Event(Guid.NewGuid(), 1, Year2022, [], Seminar(new DateOnly(2022, 12, 20), new DateOnly(2023, 1, 5))));
        Assert.Equal("DateOutsideProject", error.Code);
        Assert.Equal("End", error.Field);
        Assert.Equal([Year2022.Start, Year2022.End], error.Args.Cast<DateOnly>());
    }

    [Fact]
    public void An_event_of_unknown_duration_has_no_hours()
    {
        var e = new Event(Guid.NewGuid(), 1, Year2022, [], Seminar(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), sessions: 24, hours: null, headcount: 460));
        Assert.Null(e.AcademicHours(45));
        Assert.Equal(460, e.Headcount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void An_event_needs_at_least_one_session(int sessions) =>
        Assert.Equal("SessionsRange", Assert.Throws<DomainException>(() => new Event(Guid.NewGuid(), 1, Year2022, [], Seminar(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 1), sessions))).Code);

    [Fact]
    public void A_negative_headcount_is_refused() =>
        Assert.Equal("CountNegative", Assert.Throws<DomainException>(() => new Event(Guid.NewGuid(), 1, Year2022, [], Seminar(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 1), headcount: -1))).Code);

    [Fact]
    public void An_event_names_an_activity_of_its_own_project_only() =>
        Assert.Equal("UnknownRow", Assert.Throws<DomainException>(() => new Event(Guid.NewGuid(), 1, Year2022, [Guid.NewGuid()],
            Seminar(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 1)) with { ActivityId = Guid.NewGuid() })).Code);

    [Fact]
    public void Recorded_session_dates_must_be_one_per_session_and_within_the_events_period()
    {
        var dates = new[] { new DateOnly(2022, 3, 1), new DateOnly(2022, 4, 1) };
        var count = Assert.Throws<DomainException>(() => new Event(Guid.NewGuid(), 1, Year2022, [],
            Seminar(new DateOnly(2022, 3, 1), new DateOnly(2022, 5, 31), sessions: 3) with { SessionDates = dates }));
        Assert.Equal("SessionDatesCount", count.Code);
        var outside = Assert.Throws<DomainException>(() => new Event(Guid.NewGuid(), 1, Year2022, [],
            Seminar(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 31), sessions: 2) with { SessionDates = dates }));
        Assert.Equal("SessionDateOutside", outside.Code);
        var dated = new Event(Guid.NewGuid(), 1, Year2022, [], Seminar(new DateOnly(2022, 3, 1), new DateOnly(2022, 5, 31), sessions: 2) with { SessionDates = dates });
        Assert.Equal([new QuarterSessions(new Quarter(2022, 1), 1), new QuarterSessions(new Quarter(2022, 2), 1)], dated.Quarters);
    }
}

public class PersonKeyTests
{
    private static readonly byte[] Secret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private static string Key(string identifier, byte[]? secret = null) => PersonKeys.Compute(PersonIdentifier.Parse(identifier, "Id"), secret ?? Secret);

    [Fact]
    public void The_same_person_written_differently_gets_the_same_key()
    {
        Assert.Equal(Key("39001010000"), Key(" 3900101-0000 "));
        Assert.Equal(Key("Ona@Pavyzdys.lt"), Key("ona@pavyzdys.lt "));
        Assert.NotEqual(Key("39001010000"), Key("49001010001"));
    }

    [Fact]
    public void The_key_does_not_contain_the_identifier_and_depends_on_the_secret()
    {
        var key = Key("39001010000");
        Assert.DoesNotContain("39001010000", key);
        Assert.Equal(64, key.Length);
        Assert.NotEqual(key, Key("39001010000", Secret.Reverse().ToArray()));
    }

    [Theory]
    [InlineData("39001010001")]          // check digit
    [InlineData("3900101000")]           // 10 digits
    [InlineData("A9001010000")]
    [InlineData("ona@")]
    [InlineData("ona@pavyzdys")]
    [InlineData("ona pavyzdys@x.lt")]
    [InlineData("Ona Onaitė")]
    public void Anything_but_a_valid_personal_code_or_e_mail_is_refused(string text)
    {
        Assert.False(PersonIdentifier.TryParse(text, out _));
        Assert.Equal("PersonalIdentifierInvalid", Assert.Throws<Talka.Domain.Common.DomainException>(() => PersonIdentifier.Parse(text, "Id")).Code);
    }

    [Fact]
    public void Personal_codes_follow_the_check_digit_scheme()
    {
        // 3 900101 000 K: weights 1..9,1 over 3,9,0,0,1,0,1,0,0,0 give 3+18+0+0+5+0+7+0+0+0 = 33, 33 mod 11 = 0.
        Assert.True(PersonKeys.IsValidPersonalCode("39001010000"));
        Assert.False(PersonKeys.IsValidPersonalCode("39001010001"));
        Assert.False(PersonKeys.IsValidPersonalCode("3900101000"));
    }
}

public class IndicatorCalculatorTests
{
    private static int _seq;
    private static ParticipantFact Person(ParticipantCategory category, string? municipality = null, Gender? gender = null, string? key = null, TargetGroup? group = null) =>
        new(Guid.NewGuid(), category, group, municipality, gender, null, key ?? $"k{Interlocked.Increment(ref _seq)}");

    /// <summary>Seed 002 as records: 20 staff in 11 days (88 ak. val.) of VTRS training plus 12 ak. val. of
    /// consultations,
    /// 5 seminars of 6 with 106 participants, 2 seminars of 8 with 69, a 16 ak. val. training for 14 staff.</summary>
    private static DeliveryFacts Seed002()
    {
        var vtrs = new EventFact(Guid.NewGuid(), EventKind.Training, new DateOnly(2022, 4, 30), 11, 88, null);
        var consultations = new EventFact(Guid.NewGuid(), EventKind.Consultation, new DateOnly(2022, 6, 30), 1, 12, null);
        var attachment = new EventFact(Guid.NewGuid(), EventKind.Seminar, new DateOnly(2022, 9, 30), 5, 30, null);
        var trauma = new EventFact(Guid.NewGuid(), EventKind.Seminar, new DateOnly(2022, 10, 31), 2, 16, null);
        var staff = new EventFact(Guid.NewGuid(), EventKind.Training, new DateOnly(2022, 11, 30), 1, 16, null);
        var trainees = Enumerable.Range(0, 20).Select(_ => Person(ParticipantCategory.NgoEmployee, "Vilniaus m.", Gender.Female)).ToList();
        var seminar1 = Enumerable.Range(0, 106).Select(_ => Person(ParticipantCategory.NgoEmployee, "Kauno m.")).ToList();
        var seminar2 = Enumerable.Range(0, 69).Select(_ => Person(ParticipantCategory.Specialist)).ToList();
        var team = Enumerable.Range(0, 14).Select(_ => Person(ParticipantCategory.NgoEmployee, "Vilniaus m.", Gender.Male)).ToList();
        var attendances = trainees.SelectMany(p => new[] { new AttendanceFact(vtrs.Id, p.Id, null), new AttendanceFact(consultations.Id, p.Id, null) })
            .Concat(seminar1.Select(p => new AttendanceFact(attachment.Id, p.Id, null)))
            .Concat(seminar2.Select(p => new AttendanceFact(trauma.Id, p.Id, null)))
            .Concat(team.Select(p => new AttendanceFact(staff.Id, p.Id, null)))
            .ToList();
        return new DeliveryFacts([vtrs, consultations, attachment, trauma, staff], [..trainees, ..seminar1, ..seminar2, ..team], attendances, 0, [],
            [new DeliverableFact(Guid.NewGuid(), DeliverableKind.Handbook), new DeliverableFact(Guid.NewGuid(), DeliverableKind.Audit)]);
    }

    [Fact]
    public void Seed_002_gives_209_participants_and_162_academic_hours()
    {
        var set = IndicatorCalculator.Compute(Seed002());
        Assert.Equal(209m, set[Metric.DistinctParticipants].Value);
        Assert.Equal(162m, set[Metric.AcademicHours].Value);
        Assert.Equal(5m, set[Metric.Events].Value);
        Assert.Equal(20m, set[Metric.Sessions].Value);
        Assert.Equal(229m, set[Metric.Attendances].Value);   // the 20 trainees attend two events
        // Participant-hours: 20×88 + 20×12 + 106×30 + 69×16 + 14×16.
        Assert.Equal(20 * 88 + 20 * 12 + 106 * 30 + 69 * 16 + 14 * 16, set[Metric.ParticipantHours].Value);
        Assert.Equal(0m, set[Metric.Headcount].Value);
        Assert.Equal(2m, set[Metric.Deliverables].Value);
    }

    [Fact]
    public void Figures_break_down_by_category_municipality_gender_kind_and_quarter()
    {
        var set = IndicatorCalculator.Compute(Seed002());
        var people = set[Metric.DistinctParticipants];
        Assert.Equal(140m, people.By(Dimension.Category).Single(p => p.Key == "NgoEmployee").Value);
        Assert.Equal(69m, people.By(Dimension.Category).Single(p => p.Key == "Specialist").Value);
        Assert.Equal(34m, people.By(Dimension.Municipality).Single(p => p.Key == "Vilniaus m.").Value);
        Assert.Equal(69m, people.By(Dimension.Municipality).Single(p => p.Key is null).Value);
        Assert.Equal(20m, people.By(Dimension.Gender).Single(p => p.Key == "Female").Value);
        Assert.Equal(209m, people.By(Dimension.Category).Sum(p => p.Value));
        Assert.Equal(20m, people.By(Dimension.Quarter).Single(p => p.Key == "2022Q2").Value);   // trainees counted once in Q2
        var hours = set[Metric.AcademicHours];
        Assert.Equal(104m, hours.By(Dimension.Kind).Single(p => p.Key == "Training").Value);
        Assert.Equal(46m, hours.By(Dimension.Kind).Single(p => p.Key == "Seminar").Value);
        Assert.Equal(32m, hours.By(Dimension.Quarter).Single(p => p.Key == "2022Q4").Value);   // trauma seminars 16 + staff training 16
    }

    [Fact]
    public void A_headcount_is_kept_apart_from_distinct_persons()
    {
        var seminars = new EventFact(Guid.NewGuid(), EventKind.Seminar, new DateOnly(2017, 6, 29), 24, null, 460);
        var set = IndicatorCalculator.Compute(new DeliveryFacts([seminars], [], [], 0, [], []));
        Assert.Equal(460m, set[Metric.Headcount].Value);
        Assert.Equal(0m, set[Metric.DistinctParticipants].Value);
        Assert.Equal(24m, set[Metric.Sessions].By(Dimension.Kind).Single(p => p.Key == "Seminar").Value);
        Assert.Equal(1, set.EventsWithoutDuration);
    }

    [Fact]
    public void Hours_attended_override_the_events_hours()
    {
        var e = new EventFact(Guid.NewGuid(), EventKind.Training, new DateOnly(2022, 2, 1), 2, 16, null);
        var a = Person(ParticipantCategory.Volunteer);
        var b = Person(ParticipantCategory.Volunteer);
        var set = IndicatorCalculator.Compute(new DeliveryFacts([e], [a, b], [new(e.Id, a.Id, null), new(e.Id, b.Id, 4)], 0, [], []));
        Assert.Equal(20m, set[Metric.ParticipantHours].Value);
    }

    [Fact]
    public void A_registered_person_who_attended_nothing_is_not_a_participant()
    {
        var e = new EventFact(Guid.NewGuid(), EventKind.Training, new DateOnly(2022, 2, 1), 1, 8, null);
        var came = Person(ParticipantCategory.Official);
        var stayed = Person(ParticipantCategory.Official);
        Assert.Equal(1m, IndicatorCalculator.Compute(new DeliveryFacts([e], [came, stayed], [new(e.Id, came.Id, null)], 0, [], []))[Metric.DistinctParticipants].Value);
    }

    [Fact]
    public void The_figures_keep_the_persons_listed_at_each_event_that_has_any()
    {
        var first = new EventFact(Guid.NewGuid(), EventKind.Training, new DateOnly(2022, 2, 1), 1, 8, null);
        var second = new EventFact(Guid.NewGuid(), EventKind.Seminar, new DateOnly(2022, 3, 1), 1, 4, null);
        var empty = new EventFact(Guid.NewGuid(), EventKind.Seminar, new DateOnly(2022, 4, 1), 1, 4, 30);
        var a = Person(ParticipantCategory.Official);
        var b = Person(ParticipantCategory.Volunteer);
        var set = IndicatorCalculator.Compute(new DeliveryFacts([first, second, empty], [a, b],
            [new(first.Id, a.Id, null), new(first.Id, b.Id, null), new(second.Id, b.Id, null)], 0, [], []));
        Assert.Equal(2, set.ListedByEvent![first.Id]);
        Assert.Equal(1, set.ListedByEvent[second.Id]);
        Assert.False(set.ListedByEvent.ContainsKey(empty.Id));   // a headcount is not a list of persons
        Assert.Equal(set.ListedByEvent.Keys.Order(), set.ListedByEvent.Keys);   // stored the same way every time
    }

    [Fact]
    public void Across_projects_a_person_with_the_same_key_counts_once() =>
        Assert.Equal(3, IndicatorCalculator.DistinctPersons([
            Person(ParticipantCategory.Official, key: "same"), Person(ParticipantCategory.Official, key: "same"),
            Person(ParticipantCategory.Official, key: "other"), new ParticipantFact(Guid.NewGuid(), ParticipantCategory.Other, null, null, null, null, null)]));

    [Fact]
    public void Volunteer_hours_sum_by_quarter()
    {
        var set = IndicatorCalculator.Compute(new DeliveryFacts([], [], [], 2,
            [new(Guid.NewGuid(), new DateOnly(2022, 1, 10), 3), new(Guid.NewGuid(), new DateOnly(2022, 3, 10), 2.5m), new(Guid.NewGuid(), new DateOnly(2022, 4, 1), 4)], []));
        Assert.Equal(9.5m, set[Metric.VolunteerHours].Value);
        Assert.Equal(5.5m, set[Metric.VolunteerHours].By(Dimension.Quarter).Single(p => p.Key == "2022Q1").Value);
        Assert.Equal(2m, set[Metric.Volunteers].Value);
    }

    [Fact]
    public void An_eighteen_month_series_of_24_seminars_spreads_over_every_quarter_it_ran()
    {
        var seminars = new EventFact(Guid.NewGuid(), EventKind.Seminar, new DateOnly(2017, 6, 29), 24, null, 460, new DateOnly(2016, 1, 1));
        var sessions = IndicatorCalculator.Compute(new DeliveryFacts([seminars], [], [], 0, [], []))[Metric.Sessions].By(Dimension.Quarter).ToList();
        Assert.Equal(["2016Q1", "2016Q2", "2016Q3", "2016Q4", "2017Q1", "2017Q2"], sessions.Select(p => p.Key));
        Assert.Equal(24m, sessions.Sum(p => p.Value));
        Assert.All(sessions, p => Assert.InRange(p.Value, 3m, 5m));
    }

    [Fact]
    public void A_report_period_takes_the_sessions_of_a_series_that_fall_in_it()
    {
        var year = new EventFact(Guid.NewGuid(), EventKind.Seminar, new DateOnly(2022, 12, 15), 12, 24, 300, new DateOnly(2022, 1, 15));
        var firstHalf = year.Within(new DateOnly(2022, 1, 1), new DateOnly(2022, 6, 30))!;
        Assert.Equal(6, firstHalf.Sessions);
        Assert.Equal(12m, firstHalf.AcademicHours);
        Assert.Null(firstHalf.Headcount);                 // the crowd is counted where the series ends
        var secondHalf = year.Within(new DateOnly(2022, 7, 1), new DateOnly(2022, 12, 31))!;
        Assert.Equal(6, secondHalf.Sessions);
        Assert.Equal(300, secondHalf.Headcount);
        Assert.Same(year, year.Within(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31)));
        Assert.Null(year.Within(new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30)));
    }

    [Fact]
    public void Six_sessions_dated_in_two_quarters_give_each_quarter_its_sessions_hours_and_persons()
    {
        DateOnly D(int month, int day) => new(2022, month, day);
        var series = new EventFact(Guid.NewGuid(), EventKind.Training, D(5, 20), 6, 24, null, D(3, 1),
            [D(3, 1), D(3, 15), D(5, 20), D(3, 29), D(4, 12), D(4, 26)]);
        var a = Person(ParticipantCategory.TargetGroupMember);
        var b = Person(ParticipantCategory.TargetGroupMember);
        var set = IndicatorCalculator.Compute(new DeliveryFacts([series], [a, b], [new(series.Id, a.Id, null), new(series.Id, b.Id, 12)], 0, [], []));
        decimal In(Metric metric, string quarter) => set[metric].By(Dimension.Quarter).Single(p => p.Key == quarter).Value;
        Assert.Equal(3m, In(Metric.Sessions, "2022Q1"));
        Assert.Equal(3m, In(Metric.Sessions, "2022Q2"));
        Assert.Equal(12m, In(Metric.AcademicHours, "2022Q1"));    // 3 sessions × 4 ak. val.
        Assert.Equal(12m, In(Metric.AcademicHours, "2022Q2"));
        Assert.Equal(2m, In(Metric.DistinctParticipants, "2022Q1")); // each person once per quarter they attended
        Assert.Equal(2m, In(Metric.DistinctParticipants, "2022Q2"));
        Assert.Equal(2m, set[Metric.DistinctParticipants].Value);    // and once in the whole
        Assert.Equal(18m, In(Metric.ParticipantHours, "2022Q1"));   // a: 24 / 2, b: 12 / 2
        Assert.Equal(36m, set[Metric.ParticipantHours].Value);
    }

}

public class VolunteerAndDeliverableTests
{
    private static readonly DateRange Year2022 = new(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31));

    [Fact]
    public void Volunteer_hours_outside_the_project_period_are_refused()
    {
        var volunteer = new Volunteer(Guid.NewGuid(), "Gyvoji knyga", "Knyga", new DateOnly(2022, 2, 1), true, true);
        Assert.Equal("DateOutsideProject", Assert.Throws<DomainException>(() => volunteer.LogHours(Year2022, new DateOnly(2023, 1, 2), 2, null, null, null)).Code);
        Assert.Equal("VolunteerHoursRange", Assert.Throws<DomainException>(() => volunteer.LogHours(Year2022, new DateOnly(2022, 5, 2), -1, null, null, null)).Code);
        volunteer.LogHours(Year2022, new DateOnly(2022, 5, 2), 3, null, null, null);
        Assert.Single(volunteer.Hours);
    }

    [Fact]
    public void A_survey_cannot_have_more_answers_than_it_was_sent_to() =>
        Assert.Equal("AnsweredAboveSent", Assert.Throws<DomainException>(() => new Deliverable(Guid.NewGuid(), Year2022,
            new DeliverableDetails(null, DeliverableKind.Survey, "Klausimynas partneriams", null, null, 10, 11, null, null))).Code);

    [Theory]
    [InlineData(DeliverableKind.Handbook, 10, null, "SurveySent")]
    [InlineData(DeliverableKind.Publication, null, "UAB Auditas", "Auditor")]
    [InlineData(DeliverableKind.Survey, null, "UAB Auditas", "Auditor")]
    public void A_field_of_another_kind_is_refused_naming_it(DeliverableKind kind, int? sent, string? auditor, string field)
    {
        var error = Assert.Throws<DomainException>(() => new Deliverable(Guid.NewGuid(), Year2022,
            new DeliverableDetails(null, kind, "Rezultatas", null, null, sent, null, auditor, null)));
        Assert.Equal(("NotForThisKind", field), (error.Code, error.Field));
    }

    [Fact]
    public void Each_kind_carries_its_own_facts()
    {
        var survey = new Deliverable(Guid.NewGuid(), Year2022,
            new DeliverableDetails(null, DeliverableKind.Survey, "Apklausa", null, null, 40, 31, null, null));
        var audit = new Deliverable(Guid.NewGuid(), Year2022,
            new DeliverableDetails(null, DeliverableKind.Audit, "Auditas", null, null, null, null, "UAB Auditas", null));
        var model = new Deliverable(Guid.NewGuid(), Year2022,
            new DeliverableDetails(null, DeliverableKind.Model, "Modelis", null, "Ministerijai", null, null, null, null));
        Assert.Equal((40, 31), (survey.SurveySent, survey.SurveyAnswered));
        Assert.Equal("UAB Auditas", audit.Auditor);
        Assert.Equal("Ministerijai", model.PresentedTo);
        Assert.Equal("PresentedTo", Assert.Throws<DomainException>(() => new Deliverable(Guid.NewGuid(), Year2022,
            new DeliverableDetails(null, DeliverableKind.Audit, "Auditas", null, "Ministerijai", null, null, null, null))).Field);
    }

    [Fact]
    public void A_manual_indicator_needs_evidence_and_a_computed_one_takes_no_manual_value()
    {
        var project = new Project(Guid.NewGuid(), Guid.NewGuid(), null, "P", new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31));
        project.RevisePlan(new PlanInput("P", null, null, [], [], [], [], [
            new IndicatorInput(null, "Pasiūlymai institucijoms", "vnt.", 3), new IndicatorInput(null, "Dalyviai", "asm.", 200, Metric.DistinctParticipants)]));
        var manual = project.Indicators[0];
        Assert.Equal("Required", Assert.Throws<DomainException>(() => manual.RecordManualActual(2, " ")).Code);
        manual.RecordManualActual(2, "Raštai Nr. 1 ir 2");
        Assert.Equal(2m, manual.ManualActual);
        Assert.Equal("IndicatorIsComputed", Assert.Throws<DomainException>(() => project.Indicators[1].RecordManualActual(5, "x")).Code);
    }
}
