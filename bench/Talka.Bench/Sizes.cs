namespace Talka.Bench;

/// <summary>How big a generated dataset is: national (ten years of one programme family) or small (1 % of it, for a
/// quick run). The largest project has 5 000 participants in both, all of them at its first event.</summary>
internal sealed record Sizes(
    int Programmes, int Years, int Projects, int Organisations, int Participants, int Events, int AttendancesPerParticipant,
    int Expenditures, int LargestProject)
{
    public static Sizes National { get; } = new(20, 10, 2_000, 600, 1_000_000, 100_000, 5, 200_000, 5_000);
    public static Sizes Small { get; } = new(2, 10, 20, 10, 10_000, 1_000, 5, 2_000, 5_000);

    public static Sizes Named(string name) => name switch
    {
        "national" => National,
        "small" => Small,
        _ => throw new ArgumentException($"Unknown size {name}: national or small."),
    };
}
