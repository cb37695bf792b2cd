namespace Talka.Domain.Common;

/// <summary>
/// A record edited through forms. <see cref="Version"/> is its optimistic concurrency token: the store
/// increments it on every save and refuses a save made from an older version.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
