using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Spreadsheets;

namespace Talka.Web.Features.Payments;

/// <summary>The payment list as the accounting system takes it: one row per tranche, the payee's name and code, the
/// agreement, the amount (a number, not text) and the days.</summary>
public static class PaymentExport
{
    public static byte[] Xlsx(PaymentList list, Texts t) =>
        SpreadsheetWriter.Xlsx(
            [
                t["Payments.Organisation"],
                t["Payments.OrganisationCode"],
                t["Payments.Project"],
                t["Payments.AgreementNumber"],
                t["Payments.Number"],
                t["Payments.Amount"],
                t["Payments.PlannedOn"],
                t["Payments.Rule"],
            ],
            list.Lines.Items.Select(l =>
                (IReadOnlyList<object?>)
                    [
                        l.Organisation,
                        l.OrganisationCode,
                        l.Project,
                        l.AgreementNumber,
                        l.Number,
                        l.Amount,
                        l.PlannedOn,
                        t.Enum(l.Rule),
                    ]
            ),
            t["Payments.Title"]
        );
}
