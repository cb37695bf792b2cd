namespace Talka.Domain.Common;

/// <summary>One cell of a breakdown of persons, as the public may see it. <see cref="Count"/> is null unless
/// shown.</summary>
public sealed record DisclosedCell<TKey>(TKey Key, int? Count, CellDisclosure Disclosure);
