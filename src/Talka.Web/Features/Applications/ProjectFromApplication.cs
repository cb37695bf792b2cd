using Talka.Domain.Agreements;
using Talka.Domain.Applications;
using Talka.Domain.Calls;
using Talka.Domain.Finance;
using Talka.Domain.Projects;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Applications;

/// <summary>The conversion of a funded application into a project of its applicant under its call: the application's
/// plan, partners, period (the call's where it gives none) and budget, its number kept through the application, and
/// the agreement drafted from the decision: the amount awarded (or requested, where the call funds without a ranking)
/// from the call's funding source, over the project's period, its number and signature still to come.</summary>
public static class ProjectFromApplication
{
    /// <summary>Marks the application funded and adds its project and budget to the unit of work.</summary>
    public static Project Add(TalkaDbContext db, Application application, Call call)
    {
        application.Fund();
        var content = application.Content;
        var project = new Project(
            call.Id,
            application.ApplicantId,
            application.Id,
            content.Plan.Title,
            content.Start ?? call.ProjectPeriodStart,
            content.End ?? call.ProjectPeriodEnd
        );
        project.RevisePlan(content.Plan);
        foreach (var partner in content.Partners)
            project.AddPartner(partner.OrganisationId);
        db.Projects.Add(project);
        db.Add(new ProjectBudget(project.Id) { Version = 1 });
        db.AddRange(Budgets.Build(project.Id, [.. content.Budget], null, call.CostCategories));
        var granted = application.Awarded ?? content.Requested;
        db.Agreements.Add(
            new Agreement(
                project.Id,
                call,
                new AgreementDetails(
                    null,
                    null,
                    project.Start,
                    project.End,
                    granted > 0 ? granted : null,
                    granted > 0 ? [new AgreementFundingLine(call.FundingSource, granted)] : []
                )
            )
        );
        return project;
    }
}
