using Talka.Domain.Common;
using Talka.Domain.Organisations;
using Talka.Domain.Projects;

namespace Talka.Domain.Tests;

public class OrganisationTests
{
    private static OrganisationDetails Details(string? code, bool confirm = false, bool umbrella = false) =>
        new("Asociacija „Bendrystė“", LegalForm.Association, code, confirm, "Kauno m.", null, null, null, null, umbrella);

    [Fact]
    public void A_valid_code_is_kept() => Assert.Equal("305198980", new Organisation(Details(" 305 198 980 ")).LegalEntityCode);

    [Fact]
    public void A_malformed_code_is_an_error_even_when_confirmed() =>
        Assert.Equal("LegalEntityCodeMalformed", Assert.Throws<DomainException>(() => new Organisation(Details("12345", confirm: true))).Code);

    [Fact]
    public void A_check_digit_mismatch_is_a_warning_until_confirmed()
    {
        Assert.Equal("LegalEntityCodeCheckDigit", Assert.Throws<DomainException>(() => new Organisation(Details("305198981"))).Code);
        var confirmed = new Organisation(Details("305198981", confirm: true));
        Assert.True(confirmed.CheckDigitOverridden);
        Assert.Equal("305198981", confirmed.LegalEntityCode);
    }

    [Fact]
    public void Only_an_umbrella_lists_members()
    {
        var member = new Organisation(Details(null));
        Assert.Equal("NotUmbrella", Assert.Throws<DomainException>(() => new Organisation(Details(null)).AddMember(member)).Code);
        var umbrella = new Organisation(Details(null, umbrella: true));
        umbrella.AddMember(member);
        umbrella.AddMember(member);
        Assert.Single(umbrella.Members);
        Assert.Equal("UmbrellaHasMembers", Assert.Throws<DomainException>(() => umbrella.Update(Details(null, umbrella: false))).Code);
    }
}

public class ProjectPlanTests
{
    private static Project NewProject() => new(Guid.NewGuid(), Guid.NewGuid(), null, "Tėvų ir vaikų ryšio stiprinimas", new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31));

    private static PlanInput Plan(IReadOnlyList<ObjectiveInput> objectives, IReadOnlyList<ActivityInput> activities, params IndicatorInput[] indicators) =>
        new("Tėvų ir vaikų ryšio stiprinimas", "Stiprinti NVO sektorių", null, objectives, activities, [TargetGroup.Children], ["Vilniaus m."], indicators);

    [Fact]
    public void Revising_the_plan_keeps_the_identity_of_rows_that_stay()
    {
        var project = NewProject();
        project.RevisePlan(Plan([new(null, "Pirmas"), new(null, "Antras")], [new(null, 2, ActivityKind.Seminar, "Seminarai", null)]));
        var first = project.Objectives.Single(o => o.Text == "Pirmas");
        var activity = project.Activities.Single();

        // Reorder: the second objective comes first; the activity follows its objective.
        var second = project.Objectives.Single(o => o.Text == "Antras");
        project.RevisePlan(Plan([new(second.Id, "Antras"), new(first.Id, "Pirmas, patikslintas")], [new(activity.Id, 1, ActivityKind.Seminar, "Seminarai", "5 vnt.")]));

        Assert.Equal(2, project.Objectives.Count);
        Assert.Equal(1, project.Objectives.Single(o => o.Id == second.Id).Number);
        Assert.Equal("Pirmas, patikslintas", project.Objectives.Single(o => o.Id == first.Id).Text);
        Assert.Equal(second.Id, project.Activities.Single().ObjectiveId);
        Assert.Equal(activity.Id, project.Activities.Single().Id);
    }

    [Fact]
    public void Rows_left_out_are_removed()
    {
        var project = NewProject();
        project.RevisePlan(Plan([new(null, "Pirmas"), new(null, "Antras")], []));
        var kept = project.Objectives.First();
        project.RevisePlan(Plan([new(kept.Id, kept.Text)], []));
        Assert.Equal(kept.Id, Assert.Single(project.Objectives).Id);
    }

    [Fact]
    public void An_activity_must_belong_to_an_objective()
    {
        var error = Assert.Throws<DomainException>(() => NewProject().RevisePlan(Plan([new(null, "Pirmas")], [new(null, 2, ActivityKind.Training, "Mokymai", null)])));
        Assert.Equal("ActivityNeedsObjective", error.Code);
        Assert.Equal("Activities[0].ObjectiveNumber", error.Field);
    }

    [Fact]
    public void An_empty_objective_is_refused_at_its_row() =>
        Assert.Equal("Objectives[1].Text", Assert.Throws<DomainException>(() => NewProject().RevisePlan(Plan([new(null, "Pirmas"), new(null, " ")], []))).Field);

    [Fact]
    public void Indicators_need_a_non_negative_target_and_a_unique_name()
    {
        Assert.Equal("TargetNegative", Assert.Throws<DomainException>(() => NewProject().RevisePlan(Plan([], [], new IndicatorInput(null, "Dalyviai", "asm.", -1)))).Code);
        Assert.Equal("IndicatorTwice", Assert.Throws<DomainException>(() => NewProject().RevisePlan(Plan([], [],
            new IndicatorInput(null, "Dalyviai", "asm.", 200), new IndicatorInput(null, "dalyviai", "asm.", 100)))).Code);
    }

    [Fact]
    public void The_applicant_cannot_be_its_own_partner()
    {
        var project = NewProject();
        Assert.Equal("PartnerIsApplicant", Assert.Throws<DomainException>(() => project.AddPartner(project.OrganisationId)).Code);
    }

    [Fact]
    public void Reported_funds_cannot_be_negative() =>
        Assert.Equal("AmountNegative", Assert.Throws<DomainException>(() => NewProject().SetReportedFundsUsed(-0.01m)).Code);
}
