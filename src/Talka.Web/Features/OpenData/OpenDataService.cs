using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Domain.Indicators;
using Talka.Domain.Projects;
using Talka.Web.Features.Delivery;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Spreadsheets;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.OpenData;

/// <summary>One published project as open data describes it: no person, only organisations, money, dates and computed
/// figures.</summary>
public sealed record OpenGrant(
    Project Project, Call Call, Programme Programme, string FundingBodyId, string FundingBody, string RecipientId, string Recipient,
    string? AgreementNumber, DateOnly? SignedOn, decimal? GrantedAmount, IndicatorSet Figures,
    decimal? AppliedFor = null, decimal? DecidedAmount = null, IReadOnlyList<OpenPayment>? Payments = null,
    IReadOnlyList<OpenExpense>? Expenses = null, IReadOnlyList<OpenAmountChange>? AmountChanges = null)
{
    /// <summary>The amount the agreement first committed: before its first amount amendment, else the amount.</summary>
    public decimal? OriginalAmount => AmountChanges is { Count: > 0 } changes ? changes[0].Before : GrantedAmount;

    /// <summary>Whether the grant came from an open call: known for projects that applied through Talka (yes), not for
    /// transcribed ones.</summary>
    public bool FromOpenCall => AppliedFor is not null;

    /// <summary>
    /// What every file publishes as awarded: the agreement's granted amount; before the agreement, the amount the
    /// approved ranking awarded; where a transcribed source states only the funds used (seed 002), those. The same
    /// rule in 360Giving, the CSV and IATI.
    /// </summary>
    public decimal? Awarded => GrantedAmount ?? DecidedAmount ?? Project.ReportedFundsUsed;

    /// <summary>What every file publishes as disbursed: the tranches paid where Talka records payments; for a
    /// transcribed project without them, the funds the organisation reports as used.</summary>
    public decimal? Disbursed => Payments is { Count: > 0 } paid ? paid.Sum(p => p.Amount) : Project.ReportedFundsUsed;
}

/// <summary>A paid tranche as open data publishes it: the day, the amount and its number in the project.</summary>
public sealed record OpenPayment(Guid Id, int Number, DateOnly PaidOn, decimal Amount);

/// <summary>
/// Open data from the published projects: grants as 360Giving JSON and as CSV, activities with results as IATI 2.03
/// XML.
/// A Lithuanian legal entity is identified as LT-RC-&lt;code&gt; (org-id); an organisation without a known code, and
/// Talka's own
/// records, get identifiers under the publisher prefix (Talka:OpenData:Prefix, default "360G-talka").
/// </summary>
public sealed class OpenDataService(TalkaDbContext db, DeliveryQueries delivery, FigureStore store, IConfiguration configuration, TimeProvider clock)
{
    private string Prefix => configuration["Talka:OpenData:Prefix"] ?? "360G-talka";
    private string Publisher => configuration["Talka:OpenData:PublisherId"] ?? "XI-TALKA";
    private string PublisherName => configuration["Talka:OpenData:PublisherName"] ?? "Talka";

    public async Task<IReadOnlyList<OpenGrant>> GrantsAsync(CancellationToken ct = default)
    {
        var projects = await db.Projects.AsNoTracking().Include(p => p.Indicators).Include(p => p.Municipalities)
            .Where(p => p.IsPublished).OrderBy(p => p.Start).ThenBy(p => p.Title).ToListAsync(ct);
        var calls = await db.Calls.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var programmes = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var bodies = await db.FundingBodies.AsNoTracking().ToDictionaryAsync(f => f.Id, ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var agreements = await db.Agreements.AsNoTracking().ToDictionaryAsync(a => a.ProjectId, ct);
        // What the projects that applied through Talka asked for and were awarded by the ranking.
        var applicationIds = projects.Where(p => p.ApplicationId != null).Select(p => p.ApplicationId!.Value).ToList();
        var applications = (await db.Applications.AsNoTracking()
            .Where(a => applicationIds.Contains(a.Id) && a.ContentJson != "")
            .Select(a => new { a.Id, a.ContentJson, a.Awarded }).ToListAsync(ct))
            .ToDictionary(a => a.Id, a => (Applied: Talka.Domain.Applications.ApplicationContent.FromJson(a.ContentJson).Requested, a.Awarded));
        // The paid tranches of the published projects, in one query.
        var projectIds = projects.Select(p => p.Id).ToList();
        var payments = (await db.Set<Talka.Domain.Payments.Tranche>().AsNoTracking()
            .Where(t => t.PaidOn != null && t.CancelReason == null && projectIds.Contains(t.ProjectId))
            .Select(t => new { t.ProjectId, t.Id, t.Number, t.PaidOn, t.Amount }).ToListAsync(ct))
            .GroupBy(t => t.ProjectId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<OpenPayment>)[.. g.OrderBy(t => t.PaidOn).ThenBy(t => t.Number)
                .Select(t => new OpenPayment(t.Id, t.Number, t.PaidOn!.Value, t.Amount))]);
        // The eligible expenses paid, by month, summed in the database (disallowed ones left out).
        var expenses = (await db.Set<Talka.Domain.Finance.Expenditure>().AsNoTracking()
            .Where(e => e.PaidOn != null && e.DisallowedReason == null && projectIds.Contains(e.ProjectId))
            .GroupBy(e => new { e.ProjectId, e.PaidOn!.Value.Year, e.PaidOn!.Value.Month })
            .Select(g => new { g.Key.ProjectId, On = g.Max(e => e.PaidOn!.Value), Amount = g.Sum(e => e.Amount) })
            .ToListAsync(ct))
            .GroupBy(e => e.ProjectId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<OpenExpense>)[.. g.OrderBy(e => e.On).Select(e => new OpenExpense(e.On, e.Amount))]);
        // The approved amendments of the amount, oldest first.
        var amountChanges = (await db.Set<Talka.Domain.Agreements.Amendment>().AsNoTracking()
            .Where(a => a.Kind == Talka.Domain.Agreements.AmendmentKind.Amount && a.AgreementVersion != null
                && a.AmountBefore != null && projectIds.Contains(a.ProjectId))
            .Select(a => new { a.ProjectId, a.AgreementVersion, a.DecidedAt, a.AmountBefore, a.NewAmount })
            .ToListAsync(ct))
            .GroupBy(a => a.ProjectId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<OpenAmountChange>)[.. g.OrderBy(a => a.AgreementVersion)
                .Select(a => new OpenAmountChange(DateOnly.FromDateTime(LtFormat.VilniusTime(a.DecidedAt!.Value.UtcDateTime)),
                    a.AmountBefore!.Value, a.NewAmount!.Value))]);
        // Stored figures, read 200 projects at a time and kept as totals (the files show no breakdowns): the
        // breakdowns of every published project at once would be most of the generation's memory. A project whose
        // figures are stale is recounted.
        var stored = new Dictionary<Guid, IndicatorSet>();
        foreach (var chunk in projects.Select(p => p.Id).Chunk(200))
            foreach (var (id, set) in await store.StoredAsync(chunk, ct)) stored[id] = Totals(set);
        var grants = new List<OpenGrant>();
        foreach (var p in projects)
        {
            var call = calls[p.CallId];
            var agreement = agreements.GetValueOrDefault(p.Id);
            var organisation = organisations[p.OrganisationId];
            var body = bodies[call.FundingBodyId];
            var figures = stored.GetValueOrDefault(p.Id)
                ?? Totals(IndicatorCalculator.Compute(
                    await delivery.FactsAsync(new ProjectContext(p, call.Rules, false, false), ct)));
            grants.Add(new OpenGrant(p, call, programmes[call.ProgrammeId], $"{Prefix}-fb-{body.Id:N}", body.NameOn(agreement?.SignedOn ?? p.Start),
                organisation.LegalEntityCode is { } code ? $"LT-RC-{code}" : $"{Prefix}-org-{organisation.Id:N}", organisation.Name,
                agreement?.Number, agreement?.SignedOn, agreement?.GrantedAmount, figures,
                p.ApplicationId is { } a && applications.TryGetValue(a, out var applied) ? applied.Applied : null,
                p.ApplicationId is { } b && applications.TryGetValue(b, out var decided) ? decided.Awarded : null,
                payments.GetValueOrDefault(p.Id), expenses.GetValueOrDefault(p.Id), amountChanges.GetValueOrDefault(p.Id)));
        }
        return grants;
    }

    private static IndicatorSet Totals(IndicatorSet set) =>
        set with { Figures = [.. set.Figures.Select(f => f with { Parts = [] })], ListedByEvent = null };

    /// <summary>
    /// The 360Giving package. A grant needs an amount: the agreement's granted amount, or where only the funds used are
    /// known
    /// (transcribed records), those; a project with neither is left out of this file (it is in the CSV and IATI files).
    /// </summary>
    public byte[] ThreeSixtyGiving(IReadOnlyList<OpenGrant> published)
    {
        var grants = new JsonArray();
        foreach (var g in published)
        {
            if (g.Awarded is not { } amount) continue;
            var grant = new JsonObject
            {
                ["id"] = $"{Prefix}-{g.Project.Id:N}",
                ["title"] = g.Project.Title,
                ["description"] = g.Project.Goal ?? g.Project.Summary ?? g.Project.Title,
                ["currency"] = "EUR",
                ["amountAwarded"] = amount,
                ["awardDate"] = (g.SignedOn ?? g.Project.Start).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["plannedDates"] = new JsonArray(new JsonObject
                {
                    ["startDate"] = g.Project.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["endDate"] = g.Project.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }),
                ["recipientOrganization"] = new JsonArray(new JsonObject { ["id"] = g.RecipientId, ["name"] = g.Recipient }),
                ["fundingOrganization"] = new JsonArray(new JsonObject { ["id"] = g.FundingBodyId, ["name"] = g.FundingBody }),
                ["grantProgramme"] = new JsonArray(new JsonObject { ["code"] = $"{Prefix}-call-{g.Call.Id:N}", ["title"] = g.Call.Title }),
            };
            if (g.Disbursed is { } used) grant["amountDisbursed"] = used;
            if (g.Payments is { Count: > 0 } paid)
                grant["disbursementTransaction"] = new JsonArray([.. paid.Select(t => (JsonNode)new JsonObject
                {
                    ["id"] = $"{Prefix}-payment-{t.Id:N}",
                    ["transactionDate"] = t.PaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["currency"] = "EUR",
                    ["value"] = t.Amount,
                    ["provider"] = g.FundingBodyId,
                    ["recipient"] = g.RecipientId,
                })]);
            if (g.AppliedFor is { } applied)
            {
                grant["amountAppliedFor"] = applied;
                grant["fromOpenCall"] = "Yes";
            }
            if (g.Project.Municipalities.Count > 0)
                grant["beneficiaryLocation"] = new JsonArray(g.Project.Municipalities.Select(m => (JsonNode)new JsonObject { ["name"] = m.Municipality, ["countryCode"] = "LT" }).ToArray());
            grants.Add(grant);
        }
        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["grants"] = grants },
            new JsonSerializerOptions
            {
                WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            });
    }

    public byte[] GrantsCsv(IReadOnlyList<OpenGrant> published)
    {
        string[] headers = ["Identifier", "Title", "Recipient Org:Identifier", "Recipient Org:Name", "Funding Org:Identifier", "Funding Org:Name",
            "Grant Programme:Title", "Legal basis", "Agreement number", "Award Date", "Planned Dates:Start Date", "Planned Dates:End Date",
            "Currency", "Amount Awarded", "Amount Disbursed", "Participants (distinct persons)", "Headcount", "Academic hours"];
        var rows = published.Select(g => (IReadOnlyList<object?>)
        [
            $"{Prefix}-{g.Project.Id:N}", g.Project.Title, g.RecipientId, g.Recipient, g.FundingBodyId, g.FundingBody, g.Call.Title,
            g.Call.LegalBasis is { } act ? $"Nr. {act.Number} ({act.Date:yyyy-MM-dd})" : null, g.AgreementNumber,
            g.SignedOn ?? g.Project.Start, g.Project.Start, g.Project.End, "EUR",
            Money(g.Awarded), Money(g.Disbursed),
            SmallCells.Public((int)g.Figures[Metric.DistinctParticipants].Value), g.Figures[Metric.Headcount].Value, g.Figures[Metric.AcademicHours].Value,
        ]).ToList();
        // Open data takes the international form: comma, full stop for decimals, UTF-8.
        return SpreadsheetWriter.Csv(headers, rows, CsvFormat.International);
    }

    private static SheetMoney? Money(decimal? amount) => amount is { } a ? new SheetMoney(a) : null;

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>IATI 2.03: each published project as an activity, with its planned indicators as results (target and
    /// computed actual).</summary>
    public async Task<byte[]> IatiAsync(IReadOnlyList<OpenGrant> published)
    {
        var now = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Written as UTF-8 bytes (without a byte-order mark), not through a string of twice the size.
        using var output = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Async = true, Encoding = new UTF8Encoding(false) };
        await using (var w = XmlWriter.Create(output, settings))
        {
            w.WriteStartElement("iati-activities");
            w.WriteAttributeString("version", "2.03");
            w.WriteAttributeString("generated-datetime", now);
            foreach (var g in published)
            {
                var p = g.Project;
                w.WriteStartElement("iati-activity");
                w.WriteAttributeString("last-updated-datetime", now);
                w.WriteAttributeString("xml", "lang", null, "lt");
                w.WriteAttributeString("default-currency", "EUR");
                w.WriteElementString("iati-identifier", $"{Publisher}-{p.Id:N}");
                w.WriteStartElement("reporting-org");
                w.WriteAttributeString("ref", Publisher);
                w.WriteAttributeString("type", "10");
                Narrative(w, PublisherName);
                w.WriteEndElement();
                w.WriteStartElement("title");
                Narrative(w, p.Title);
                w.WriteEndElement();
                w.WriteStartElement("description");
                w.WriteAttributeString("type", "1");
                Narrative(w, p.Goal ?? p.Summary ?? p.Title);
                w.WriteEndElement();
                Participant(w, g.FundingBodyId, "10", "1", g.FundingBody);
                Participant(w, g.RecipientId, null, "4", g.Recipient);
                w.WriteStartElement("activity-status");
                w.WriteAttributeString("code", p.End < today ? "4" : p.Start > today ? "1" : "2");
                w.WriteEndElement();
                Date(w, "1", p.Start);
                Date(w, "3", p.End);
                // The original budget: the agreement's first amount over its period, and a revised budget for each
                // approved amendment of the amount; then the commitments (the first amount, each amendment's
                // difference), the disbursements (the tranches paid) and the expenditure (the eligible expenses paid,
                // by month).
                if (g.OriginalAmount is { } committed)
                {
                    Budget(w, "1", p.Start, p.End, committed, g.SignedOn ?? p.Start);
                    foreach (var change in g.AmountChanges ?? [])
                        Budget(w, "2", p.Start, p.End, change.After, change.On);
                    Transaction(w, "2", g.SignedOn ?? p.Start, committed, g);
                    foreach (var change in g.AmountChanges ?? [])
                        Transaction(w, "2", change.On, change.After - change.Before, g);
                }
                foreach (var paid in g.Payments ?? [])
                    Transaction(w, "3", paid.PaidOn, paid.Amount, g);
                foreach (var spent in g.Expenses ?? [])
                    Transaction(w, "4", spent.On, spent.Amount, null);
                foreach (var indicator in p.Indicators.OrderBy(i => i.Position))
                {
                    decimal? actual = indicator.Metric is { } metric ? g.Figures[metric].Value : indicator.ManualActual;
                    w.WriteStartElement("result");
                    w.WriteAttributeString("type", "1");
                    w.WriteStartElement("title");
                    Narrative(w, indicator.Name);
                    w.WriteEndElement();
                    w.WriteStartElement("indicator");
                    w.WriteAttributeString("measure", "1");
                    w.WriteAttributeString("ascending", "1");
                    w.WriteStartElement("title");
                    Narrative(w, $"{indicator.Name} ({indicator.Unit})");
                    w.WriteEndElement();
                    w.WriteStartElement("baseline");
                    w.WriteAttributeString("year", p.Start.Year.ToString(CultureInfo.InvariantCulture));
                    w.WriteAttributeString("iso-date", p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteAttributeString("value", "0");
                    w.WriteEndElement();
                    w.WriteStartElement("period");
                    DateElement(w, "period-start", p.Start);
                    DateElement(w, "period-end", p.End);
                    w.WriteStartElement("target");
                    w.WriteAttributeString("value", Number(indicator.Target));
                    w.WriteEndElement();
                    if (actual is { } value)
                    {
                        w.WriteStartElement("actual");
                        w.WriteAttributeString("value", Number(value));
                        w.WriteEndElement();
                    }
                    w.WriteEndElement(); // period
                    w.WriteEndElement(); // indicator
                    w.WriteEndElement(); // result
                }
                // The figures computed from the records are results too, whether or not the plan set a target for them.
                var planned = p.Indicators.Where(i => i.Metric is not null).Select(i => i.Metric!.Value).ToHashSet();
                foreach (var metric in ComputedResults.Where(m => !planned.Contains(m)))
                {
                    var value = g.Figures[metric].Value;
                    if (value <= 0 || (metric == Metric.DistinctParticipants && SmallCells.Public((int)value) is null)) continue;
                    ComputedResult(w, Lithuanian[$"Metric.{metric}"], p.Start, p.End, value);
                }
                w.WriteEndElement(); // iati-activity
            }
            w.WriteEndElement();
        }
        return output.ToArray();
    }

    private static readonly Metric[] ComputedResults = [Metric.DistinctParticipants, Metric.AcademicHours, Metric.Headcount];
    private static readonly IReadOnlyDictionary<string, string> Lithuanian = Infrastructure.Localization.Texts.Load("lt");

    /// <summary>An output result with its actual value over the project's period, and no target (the plan set
    /// none).</summary>
    private static void ComputedResult(XmlWriter w, string title, DateOnly start, DateOnly end, decimal actual)
    {
        w.WriteStartElement("result");
        w.WriteAttributeString("type", "1");
        w.WriteStartElement("title");
        Narrative(w, title);
        w.WriteEndElement();
        w.WriteStartElement("indicator");
        w.WriteAttributeString("measure", "1");
        w.WriteAttributeString("ascending", "1");
        w.WriteStartElement("title");
        Narrative(w, title);
        w.WriteEndElement();
        w.WriteStartElement("period");
        DateElement(w, "period-start", start);
        DateElement(w, "period-end", end);
        w.WriteStartElement("actual");
        w.WriteAttributeString("value", Number(actual));
        w.WriteEndElement();
        w.WriteEndElement(); // period
        w.WriteEndElement(); // indicator
        w.WriteEndElement(); // result
    }

    private static void Narrative(XmlWriter w, string text) => w.WriteElementString("narrative", text);

    private static void Value(XmlWriter w, decimal amount, DateOnly day)
    {
        w.WriteStartElement("value");
        w.WriteAttributeString("value-date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString(amount.ToString("0.00", CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }

    /// <summary>A budget (type 1 original, 2 revised; status 2 committed) over the project's period.</summary>
    private static void Budget(XmlWriter w, string type, DateOnly start, DateOnly end, decimal amount, DateOnly valueDay)
    {
        w.WriteStartElement("budget");
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("status", "2");
        DateElement(w, "period-start", start);
        DateElement(w, "period-end", end);
        Value(w, amount, valueDay);
        w.WriteEndElement();
    }

    /// <summary>A transaction: commitment (2) or disbursement (3) to the recipient, or the recipient's expenditure
    /// (4, without a receiver: suppliers are not published).</summary>
    private static void Transaction(XmlWriter w, string type, DateOnly day, decimal amount, OpenGrant? to)
    {
        w.WriteStartElement("transaction");
        w.WriteStartElement("transaction-type");
        w.WriteAttributeString("code", type);
        w.WriteEndElement();
        DateElement(w, "transaction-date", day);
        Value(w, amount, day);
        if (to is not null)
        {
            w.WriteStartElement("receiver-org");
            w.WriteAttributeString("ref", to.RecipientId);
            Narrative(w, to.Recipient);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Participant(XmlWriter w, string reference, string? type, string role, string name)
    {
        w.WriteStartElement("participating-org");
        w.WriteAttributeString("ref", reference);
        if (type is not null) w.WriteAttributeString("type", type);
        w.WriteAttributeString("role", role);
        Narrative(w, name);
        w.WriteEndElement();
    }

    private static void Date(XmlWriter w, string type, DateOnly day)
    {
        w.WriteStartElement("activity-date");
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("iso-date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }

    private static void DateElement(XmlWriter w, string name, DateOnly day)
    {
        w.WriteStartElement(name);
        w.WriteAttributeString("iso-date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }
}
