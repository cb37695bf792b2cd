using System.Security.Cryptography;
using System.Text;
using Talka.Domain.Common;
using Talka.Domain.Projects;

namespace Talka.Domain.Delivery;

public enum ParticipantCategory { NgoEmployee, Volunteer, TargetGroupMember, Specialist, Official, Other }
public enum Gender { Female, Male, Other }
public enum AgeBand { Under18, From18To29, From30To44, From45To64, From65 }

public sealed record ParticipantDetails(
    string Code, string? DisplayName, ParticipantCategory Category, string? Organisation, string? Municipality,
    Gender? Gender, AgeBand? AgeBand, TargetGroup? TargetGroup, bool Consent);

/// <summary>
/// A person in a project's participant register, with minimal personal data. <see cref="Code"/> is the organisation's
/// own
/// number for the person in this project (what its attendance sheets use). A personal identifier, when given, is only
/// turned into <see cref="PersonKey"/> (a keyed hash) so that a person is counted once across projects; it is never
/// stored.
/// </summary>
public sealed class Participant : IVersioned
{
    private Participant() { Code = ""; }

    public Participant(Guid projectId, ParticipantDetails details, string? personKey)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Code = "";
        Apply(details);
        PersonKey = personKey;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string Code { get; private set; }
    public string? DisplayName { get; private set; }
    public ParticipantCategory Category { get; private set; }
    public string? Organisation { get; private set; }
    public string? Municipality { get; private set; }
    public Gender? Gender { get; private set; }
    public AgeBand? AgeBand { get; private set; }
    public TargetGroup? TargetGroup { get; private set; }
    public bool Consent { get; private set; }
    public string? PersonKey { get; private set; }
    /// <summary>Number and name as searched: lower case, no diacritics (<see cref="SearchText"/>).</summary>
    public string SearchName { get; private set; } = "";
    /// <summary>The organisation as searched, in the same form; empty without one.</summary>
    public string SearchOrganisation { get; private set; } = "";
    public int Version { get; set; }

    public void Update(ParticipantDetails details, string? personKey)
    {
        Apply(details);
        if (personKey is not null) PersonKey = personKey;
    }

    private void Apply(ParticipantDetails d)
    {
        Code = Guard.Required(d.Code, nameof(Code), 50);
        DisplayName = Guard.Optional(d.DisplayName, nameof(DisplayName), 200);
        Category = Guard.Defined(d.Category, nameof(Category));
        Organisation = Guard.Optional(d.Organisation, nameof(Organisation), 300);
        Municipality = string.IsNullOrWhiteSpace(d.Municipality) ? null : Municipalities.Require(d.Municipality, nameof(Municipality));
        Gender = Guard.Defined(d.Gender, nameof(Gender));
        AgeBand = Guard.Defined(d.AgeBand, nameof(AgeBand));
        TargetGroup = Guard.Defined(d.TargetGroup, nameof(TargetGroup));
        Consent = d.Consent;
        SearchName = SearchText.Normalize(DisplayName is null ? Code : Code + " " + DisplayName);
        SearchOrganisation = SearchText.Normalize(Organisation);
    }
}

/// <summary>
/// The keyed hash that counts a person once across projects and years without storing who they are:
/// HMAC-SHA256 with a server secret over a normalised identifier (a personal code's digits, or an e-mail in lower
/// case).
/// </summary>
public static class PersonKeys
{
    public static string Compute(PersonIdentifier identifier, byte[] secret)
    {
        if (secret.Length < 32) throw new ArgumentException("The person key secret must be at least 32 bytes.", nameof(secret));
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(identifier.Normalised)));
    }

    /// <summary>A personal code (asmens kodas) G YYMMDD NNN K: 11 digits whose last is the check digit over the first
    /// ten.</summary>
    public static bool IsValidPersonalCode(string digits) =>
        digits.Length == 11 && digits.All(char.IsAsciiDigit) &&
        LegalEntityCode.CheckDigit(digits.Select(c => c - '0').ToArray(), 10) == digits[10] - '0';
}

/// <summary>One participant at one event. Hours attended default to the event's academic hours.</summary>
public sealed class Attendance
{
    private Attendance() { }

    /// <summary>More than any event could last: 10 000 sessions of 24 hours is the bound an event itself has.</summary>
    public const decimal MaxHours = 240_000m;

    public Attendance(Guid eventId, Guid participantId, decimal? academicHours)
    {
        EventId = eventId;
        ParticipantId = participantId;
        AcademicHours = Checked(academicHours);
    }

    public Guid EventId { get; private set; }
    public Guid ParticipantId { get; private set; }
    /// <summary>Hours attended in academic hours; null means the whole event.</summary>
    public decimal? AcademicHours { get; private set; }

    public void SetHours(decimal? academicHours) => AcademicHours = Checked(academicHours);

    private static decimal? Checked(decimal? hours) => hours switch
    {
        < 0 => throw new DomainException("HoursNegative", "Hours"),
        > MaxHours => throw new DomainException("HoursTooLarge", "Hours", (int)MaxHours),
        { } h when decimal.Round(h, 2) != h => throw new DomainException("HoursPrecision", "Hours"),
        _ => hours,
    };
}
