namespace Talka.Web.Features.OpenData;

/// <summary>An approved amendment of a grant's amount: the day it was decided, the amount before and after.</summary>
public sealed record OpenAmountChange(DateOnly On, decimal Before, decimal After);
