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

/// <summary>One cell of a breakdown of persons, as the public may see it. <see cref="Count"/> is null unless shown.</summary>
public sealed record DisclosedCell<TKey>(TKey Key, int? Count, CellDisclosure Disclosure);

/// <summary>
/// Small-cell suppression for public breakdowns of persons. A cell of 1 to 4 persons would let anyone who knows the
/// group single a person out, so the public sees "&lt; 5" instead. Where exactly one cell of a breakdown is below the
/// threshold, the next smallest cell is hidden too (complementary suppression): otherwise the total, which is public,
/// minus the shown cells would give the small one back. Empty cells (0) reveal nobody and stay as they are.
/// </summary>
public static class SmallCells
{
    public const int Threshold = 5;

    public static IReadOnlyList<DisclosedCell<TKey>> Suppress<TKey>(IEnumerable<(TKey Key, int Count)> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var list = cells.ToList();
        var small = list.Count(c => c.Count is > 0 and < Threshold);
        var complementary = -1;
        if (small == 1)
        {
            // The smallest cell that would otherwise be shown; ties go to the first, so the result is stable.
            var candidates = list.Select((c, i) => (c.Count, Index: i)).Where(c => c.Count >= Threshold).ToList();
            if (candidates.Count > 0) complementary = candidates.MinBy(c => c.Count).Index;
        }
        return list.Select((c, i) =>
            c.Count is > 0 and < Threshold ? new DisclosedCell<TKey>(c.Key, null, CellDisclosure.BelowThreshold)
            : i == complementary ? new DisclosedCell<TKey>(c.Key, null, CellDisclosure.Complementary)
            : new DisclosedCell<TKey>(c.Key, c.Count, CellDisclosure.Shown)).ToList();
    }

    /// <summary>A single public count (one event's participants, say), where no total gives it back.</summary>
    public static int? Public(int count) => count is > 0 and < Threshold ? null : count;
}
