using Talka.Domain.Common;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Spreadsheets;

namespace Talka.Web.Features.Reports;

/// <summary>One cell of a report table: the text every rendering shows, and the typed value a spreadsheet
/// keeps (a number, <see cref="SheetMoney"/>, a date, or the text itself).</summary>
/// <param name="Free">Free text (a topic, a narrative) that may wrap in print; other cells keep to one line.</param>
public sealed record ReportCell(string Text, object? Value, bool Numeric = false, bool Free = false)
{
    public static ReportCell Of(string? text) => new(text ?? "", text ?? "");

    public static ReportCell Prose(string? text) => new(text ?? "", text ?? "", Free: true);

    public static ReportCell Money(decimal amount) => new(LtFormat.Eur(amount), new SheetMoney(amount), true);

    public static ReportCell Number(decimal value) => new(LtFormat.Number(value), value, true);

    public static ReportCell Day(DateOnly? day) => day is { } d ? new(LtFormat.Date(d), d) : new("—", null);
}

/// <summary>A section of a report as a table.</summary>
public sealed record ReportTable(
    string Id,
    string Title,
    IReadOnlyList<string> Columns,
    IReadOnlyList<bool> NumericColumns,
    IReadOnlyList<IReadOnlyList<ReportCell>> Rows,
    IReadOnlyList<ReportCell>? Footer,
    string? Empty
);

/// <summary>
/// A report as a document: the one model the page, the PDF and the XLSX are made from (the page and the PDF through
/// the same Razor partial, _ReportDocument.cshtml; the XLSX row by row from the same tables), so that the three agree
/// line by line. Built from the report's content, live or frozen.
/// </summary>
public sealed record ReportDocument(
    string Title,
    IReadOnlyList<(string Label, string Value)> Facts,
    IReadOnlyList<ReportTable> Tables
)
{
    public const string Events = "events";
    public const string Narratives = "narratives";

    public static ReportDocument From(ReportView view, Texts t)
    {
        var c = view.Content;
        var facts = new List<(string, string)>
        {
            (t["Field.Title"], c.Project),
            (t["Field.Organisation"], c.Organisation),
            (t["Field.AgreementNumber"], c.AgreementNumber ?? t["Common.NotStated"]),
            (
                t["Reports.Shown"],
                view.ShownVersion is { } n
                    ? t["Reports.VersionN", n]
                        + ", "
                        + t[
                            "Reports.SubmittedOn",
                            LtFormat.LocalTime(view.Versions.Single(v => v.Number == n).SubmittedAt)
                        ]
                    : t["Reports.LivePrefill"]
            ),
        };
        var tables = new List<ReportTable>();
        if (c.Figures.Count > 0)
        {
            tables.Add(
                new ReportTable(
                    "figures",
                    t["Reports.Figures"],
                    [t["Reports.Indicator"], t["Reports.Value"]],
                    [false, true],
                    c.Figures.Select(f => Row(ReportCell.Prose(t.Enum(f.Metric)), ReportCell.Number(f.Value))).ToList(),
                    null,
                    null
                )
            );
        }
        if (c.Events.Count > 0)
        {
            tables.Add(
                new ReportTable(
                    Events,
                    t["Delivery.Events"],
                    [
                        "Nr.",
                        t["Reports.EventKind"],
                        t["Reports.Topic"],
                        t["Field.Period"],
                        t["Reports.Schedule"],
                        t["Reports.HoursTotal"],
                        t["Delivery.ListedParticipants"],
                    ],
                    [true, false, false, false, false, true, true],
                    c.Events.Select(e =>
                            Row(
                                ReportCell.Number(e.Number),
                                ReportCell.Of(t.Enum(e.Kind)),
                                ReportCell.Prose(e.Topic),
                                ReportCell.Of(
                                    e.Start == e.End
                                        ? LtFormat.Date(e.Start)
                                        : $"{LtFormat.Date(e.Start)} – {LtFormat.Date(e.End)}"
                                ),
                                ReportCell.Of(
                                    e.PerSession is { } h
                                        ? $"{e.Sessions} × {LtFormat.Number(h)} {t["Reports.AcademicHoursShort"]}"
                                        : $"{e.Sessions} × {t["Common.NotStated"]}"
                                ),
                                e.AcademicHours is { } total ? ReportCell.Number(total) : ReportCell.Of("—"),
                                ReportCell.Number(e.ListedParticipants)
                            )
                        )
                        .ToList(),
                    null,
                    null
                )
            );
        }
        if (c.Deliverables.Count > 0)
        {
            tables.Add(
                new ReportTable(
                    "deliverables",
                    t["Delivery.Deliverables"],
                    [t["Reports.DeliverableKind"], t["Field.Title"], t["Reports.Date"]],
                    [false, false, false],
                    c.Deliverables.Select(d =>
                            Row(ReportCell.Of(t.Enum(d.Kind)), ReportCell.Prose(d.Title), ReportCell.Day(d.Date))
                        )
                        .ToList(),
                    null,
                    null
                )
            );
        }
        tables.Add(
            new ReportTable(
                "execution",
                t["Reports.Execution"],
                [t["Finance.Category"], t["Finance.Planned"], t["Finance.Spent"]],
                [false, true, true],
                c.Execution.Select(l =>
                        Row(
                            ReportCell.Prose(t.Enum(l.Category)),
                            ReportCell.Money(l.Planned),
                            ReportCell.Money(l.Spent)
                        )
                    )
                    .ToList(),
                null,
                t["Reports.NoBudget"]
            )
        );
        tables.Add(
            new ReportTable(
                "expenses",
                t["Reports.Expenses"],
                [
                    t["Finance.Document"],
                    t["Finance.Supplier"],
                    t["Finance.Category"],
                    t["Finance.Amount"],
                    t["Finance.PaidOn"],
                ],
                [false, false, false, true, false],
                c.Expenses.Select(e =>
                        Row(
                            ReportCell.Prose(
                                $"{t.Enum(e.DocumentType)} Nr. {e.DocumentNumber}, {LtFormat.Date(e.DocumentDate)}"
                            ),
                            ReportCell.Prose($"{e.Supplier}: {e.Content}"),
                            ReportCell.Prose(t.Enum(e.Category)),
                            ReportCell.Money(e.Amount),
                            ReportCell.Day(e.PaidOn)
                        )
                    )
                    .ToList(),
                Row(
                    ReportCell.Of(t["Reports.ExpensesTotal"]),
                    ReportCell.Of(""),
                    ReportCell.Of(""),
                    ReportCell.Money(c.ExpensesTotal),
                    ReportCell.Of("")
                ),
                t["Common.NothingFound"]
            )
        );
        if (c.Narratives.Count > 0)
        {
            tables.Add(
                new ReportTable(
                    Narratives,
                    t["Reports.Narratives"],
                    [t["Reports.Activity"], t["Reports.Narrative"]],
                    [false, false],
                    c.Narratives.Select(n =>
                            Row(
                                ReportCell.Prose(n.Activity),
                                ReportCell.Prose(
                                    (n.Text.Length == 0 ? "—" : n.Text)
                                        + (
                                            string.IsNullOrWhiteSpace(n.Explanation)
                                                ? ""
                                                : $"\n\n{t["Narrative.Explanation"]}: {n.Explanation}"
                                        )
                                )
                            )
                        )
                        .ToList(),
                    null,
                    null
                )
            );
        }
        return new ReportDocument(
            $"{t.Enum(c.Kind)}: {LtFormat.Date(c.PeriodStart)} – {LtFormat.Date(c.PeriodEnd)}",
            facts,
            tables
        );
    }

    /// <summary>The document as one sheet: each section's heading row (its name and column names), then its rows,
    /// each line the same cells as on the page and in the PDF, numbers and money typed.</summary>
    public byte[] Xlsx(Texts t)
    {
        var width = Tables.Max(x => x.Columns.Count);
        var rows = new List<IReadOnlyList<object?>> { new object?[] { Title } };
        rows.AddRange(Facts.Select(f => (IReadOnlyList<object?>)[f.Label, f.Value]));
        foreach (var table in Tables)
        {
            rows.Add([table.Title, .. table.Columns]);
            rows.AddRange(table.Rows.Select(r => (IReadOnlyList<object?>)[table.Title, .. r.Select(c => c.Value)]));
            if (table.Footer is { } footer)
                rows.Add([table.Title, .. footer.Select(c => c.Value)]);
        }
        return SpreadsheetWriter.Xlsx(
            [
                t["Reports.Section"],
                .. Enumerable
                    .Range(1, width)
                    .Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            rows,
            t["Reports.Report"]
        );
    }

    private static IReadOnlyList<ReportCell> Row(params ReportCell[] cells) => cells;
}
