namespace Talka.Domain.Narrative;

/// <summary>What a figure in a narrative counts or names.</summary>
public enum FactKind
{
    /// <summary>People: participants, staff, volunteers, specialists, children, seniors, members, persons.</summary>
    Persons,

    /// <summary>Events and sessions: seminars, trainings, consultations, meetings ("vnt." where they are
    /// meant).</summary>
    Sessions,

    /// <summary>Academic hours ("ak. val.", "akad. val.", the typo "k. val.").</summary>
    AcademicHours,

    /// <summary>Hours ("val.", "valandų").</summary>
    Hours,
    Days,

    /// <summary>Euros.</summary>
    Money,

    /// <summary>A day ("2022-12-31", "2020 m. sausio 8 d.").</summary>
    Date,

    /// <summary>A year or years ("2022 m.", "2016–2017 m.").</summary>
    Period,

    /// <summary>A quarter ("I ketv.", "I-ąjį 2024 m. ketvirtį").</summary>
    Quarter,

    /// <summary>A reference number: an order, an EU project code, an agreement.</summary>
    Reference,
    Organisations,
    Municipalities,

    /// <summary>Activities of a plan ("tris pagrindines veiklas").</summary>
    Activities,
}
