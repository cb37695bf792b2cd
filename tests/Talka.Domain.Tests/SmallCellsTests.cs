using Talka.Domain.Common;

namespace Talka.Domain.Tests;

public class SmallCellsTests
{
    [Fact]
    public void Cells_of_one_to_four_persons_are_below_the_threshold_and_carry_no_count()
    {
        var cells = SmallCells.Suppress([("Vilniaus m. sav.", 40), ("Molėtų r. sav.", 3), ("Utenos r. sav.", 4), ("Kauno m. sav.", 12)]);
        Assert.Equal([40, null, null, 12], cells.Select(c => c.Count));
        Assert.Equal(CellDisclosure.BelowThreshold, cells[1].Disclosure);
        Assert.Equal(CellDisclosure.BelowThreshold, cells[2].Disclosure);
        Assert.All(new[] { cells[0], cells[3] }, c => Assert.Equal(CellDisclosure.Shown, c.Disclosure));
    }

    [Fact]
    public void A_single_small_cell_hides_the_next_smallest_so_the_total_cannot_give_it_back()
    {
        var cells = SmallCells.Suppress([("A", 40), ("B", 2), ("C", 7), ("D", 9)]);
        Assert.Equal([40, null, null, 9], cells.Select(c => c.Count));
        Assert.Equal(CellDisclosure.Complementary, cells[2].Disclosure);
    }

    [Fact]
    public void Two_small_cells_that_hold_fewer_than_five_persons_together_hide_the_next_smallest_as_well()
    {
        // Total 52: without a third hidden cell, 52 − 40 − 9 would give the two small ones together (2), so both were
        // 1.
        var cells = SmallCells.Suppress([("A", 40), ("B", 1), ("C", 1), ("D", 9), ("E", 7)]);
        Assert.Equal([40, null, null, 9, null], cells.Select(c => c.Count));
        Assert.Equal(CellDisclosure.Complementary, cells[4].Disclosure);
    }

    [Fact]
    public void Five_persons_and_empty_cells_are_shown_as_they_are()
    {
        var cells = SmallCells.Suppress([("A", 5), ("B", 0), ("C", 120)]);
        Assert.Equal([5, 0, 120], cells.Select(c => c.Count));
        Assert.All(cells, c => Assert.Equal(CellDisclosure.Shown, c.Disclosure));
    }

    [Fact]
    public void A_breakdown_with_only_a_small_cell_hides_it_without_a_partner()
    {
        var cells = SmallCells.Suppress([("A", 1)]);
        Assert.Equal(CellDisclosure.BelowThreshold, Assert.Single(cells).Disclosure);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, null)]
    [InlineData(4, null)]
    [InlineData(5, 5)]
    public void A_single_public_count_below_five_is_withheld(int count, int? shown) => Assert.Equal(shown, SmallCells.Public(count));
}
