namespace Talka.Domain.Common;

/// <summary>How a cell of a public breakdown may be shown.</summary>
public enum CellDisclosure
{
    /// <summary>The exact figure.</summary>
    Shown,
    /// <summary>1 to 4 persons: shown as "&lt; 5".</summary>
    BelowThreshold,
    /// <summary>Hidden as well, so that the small cell cannot be recomputed from the total.</summary>
    Complementary,
}
