using Talka.Web.Features.Imports;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Features.Delivery;

/// <summary>A project's events, volunteers and deliverables as files (XLSX or CSV), each the whole register, for
/// whoever may read the project's records; the same rows the register pages show.</summary>
public sealed class RegisterExports(DeliveryQueries queries, Texts texts)
{
    public async Task<ExportFile> EventsAsync(ProjectContext context, string format, CancellationToken ct = default)
    {
        var events = await queries.EventsAsync(context, ct);
        string[] headers = ["Nr.", "Rūšis", "Tema", "Veikla", "Pradžia", "Pabaiga", "Užsiėmimų", "Ak. val.", "Dalyvių sąraše", "Dalyvių skaičius",
            "Savivaldybė"];
        var rows = events.Select(e => (IReadOnlyList<object?>)
        [
            e.Number, texts.Enum(e.Kind), e.Topic, e.Activity, e.Start, e.End, e.Sessions, e.AcademicHours, e.Attendances, e.Headcount,
            e.Online ? texts["Delivery.Online"] : e.Municipality,
        ]).ToList();
        return ExportFile.Of(headers, rows, format, Name("renginiai", context), "Renginiai");
    }

    public async Task<ExportFile> VolunteersAsync(ProjectContext context, string format, CancellationToken ct = default)
    {
        var rows = new List<IReadOnlyList<object?>>();
        // Page by page, as the register reads them.
        for (var page = 1; ; page++)
        {
            var volunteers = await queries.VolunteerPageAsync(context, page, ct);
            rows.AddRange(volunteers.Items.Select(v => (IReadOnlyList<object?>)
            [
                v.Name, v.Role, v.RecruitedOn, v.Trained ? texts["Common.Yes"] : texts["Common.No"],
                v.Active ? texts["Common.Yes"] : texts["Common.No"], v.Hours, v.Entries,
            ]));
            if (page >= volunteers.PageCount) break;
        }
        string[] headers = ["Savanoris", "Vaidmuo", "Įtrauktas", "Apmokytas", "Aktyvus", "Valandų", "Įrašų"];
        return ExportFile.Of(headers, rows, format, Name("savanoriai", context), "Savanoriai");
    }

    public async Task<ExportFile> DeliverablesAsync(ProjectContext context, string format, CancellationToken ct = default)
    {
        var deliverables = await queries.DeliverablesAsync(context, ct);
        string[] headers = ["Rūšis", "Pavadinimas", "Data", "Kam pristatyta", "Apklausa išsiųsta", "Atsakė", "Auditorius", "Aprašymas"];
        var rows = deliverables.Select(d => (IReadOnlyList<object?>)
        [
            texts.Enum(d.Kind), d.Title, d.Date, d.PresentedTo, d.SurveySent, d.SurveyAnswered, d.Auditor, d.Description,
        ]).ToList();
        return ExportFile.Of(headers, rows, format, Name("rezultatai", context), "Rezultatai");
    }

    private static string Name(string register, ProjectContext context) => $"{register}-{context.Project.Id.ToString()[..8]}";
}
