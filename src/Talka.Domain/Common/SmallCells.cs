namespace Talka.Domain.Common;

/// <summary>
/// Small-cell suppression for public breakdowns of persons. A cell of 1 to 4 persons would let anyone who knows the
/// group single a person out, so the public sees "&lt; 5" instead. The total of a breakdown is public, so the total
/// minus
/// the shown cells gives the hidden ones together: more cells are hidden (the smallest first, complementary
/// suppression)
/// until at least two are hidden and together they hold at least five persons. Empty cells (0) reveal nobody and stay.
/// A total that is itself below five is withheld too (<see cref="Public"/>).
/// </summary>
public static class SmallCells
{
    public const int Threshold = 5;

    public static IReadOnlyList<DisclosedCell<TKey>> Suppress<TKey>(IEnumerable<(TKey Key, int Count)> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var list = cells.ToList();
        var hidden = list.Select(c => c.Count is > 0 and < Threshold).ToArray();
        if (hidden.Any(h => h))
        {
            // The smallest shown cells are hidden next; ties go to the first, so the result is stable.
            var candidates = new Queue<int>(list.Select((c, i) => (c.Count, Index: i)).Where(c => c.Count >= Threshold)
                .OrderBy(c => c.Count).ThenBy(c => c.Index).Select(c => c.Index));
            bool Enough() => hidden.Count(h => h) >= 2 && list.Where((_, i) => hidden[i]).Sum(c => c.Count) >= Threshold;
            while (!Enough() && candidates.Count > 0) hidden[candidates.Dequeue()] = true;
        }
        return list.Select((c, i) =>
            c.Count is > 0 and < Threshold ? new DisclosedCell<TKey>(c.Key, null, CellDisclosure.BelowThreshold)
            : hidden[i] ? new DisclosedCell<TKey>(c.Key, null, CellDisclosure.Complementary)
            : new DisclosedCell<TKey>(c.Key, c.Count, CellDisclosure.Shown)).ToList();
    }

    /// <summary>A single public count (a total, or one event's participants): withheld when it is 1 to 4.</summary>
    public static int? Public(int count) => count is > 0 and < Threshold ? null : count;
}
