namespace Talka.Web.Features.OpenData;

/// <summary>A month of a project's eligible expenses as open data publishes it: the last payment day of the month and
/// the total paid (never the suppliers, who may be persons).</summary>
public sealed record OpenExpense(DateOnly On, decimal Amount);
