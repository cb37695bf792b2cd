using Talka.Web.Features.Delivery;

namespace Talka.Web.Features.Home;

/// <summary>A visitor's home: headline figures of the published projects, from the stored national counts, with the
/// distinct persons reached (a person met in two programmes counted once; null when 1 to 4, withheld); and each
/// programme's line, where a person reached by two programmes counts in each.</summary>
public sealed record PublicHome(
    int Projects,
    int? DistinctPersons,
    decimal Funds,
    decimal AcademicHours,
    IReadOnlyList<ProgrammeReachRow> Programmes,
    IReadOnlyList<ChartPoint> FundsByYear
);

/// <summary>A programme's line on the visitor's home: its published projects and the distinct persons they reached
/// (null when 1 to 4, withheld).</summary>
public sealed record ProgrammeReachRow(Guid Id, string Title, int Projects, int? DistinctPersons);
