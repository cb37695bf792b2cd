using System.Globalization;

namespace Talka.Web.Features.Projects;

/// <summary>The plan editor's row buttons: add a row, remove one, move one up or down. Activities follow their
/// objective when objectives move; an activity whose objective is removed is left without one (the user chooses
/// another before saving).</summary>
public static class PlanRows
{
    /// <summary>Applies the command to the form and names the row to focus ("Activities_2"), or null.</summary>
    public static string? Apply(PlanForm form, string command)
    {
        var parts = command.Split(':');
        if (parts.Length < 2) return null;
        var index = parts.Length > 2 && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var n) ? n : -1;
        return parts[1] switch
        {
            "Objectives" => Objectives(form, parts[0], index),
            "Activities" => Rows(form.Activities, parts[0], index, "Activities"),
            "Indicators" => Rows(form.Indicators, parts[0], index, "Indicators"),
            _ => null,
        };
    }

    private static string? Objectives(PlanForm form, string verb, int index)
    {
        var count = form.Objectives.Count;
        var focus = Rows(form.Objectives, verb, index, "Objectives");
        // Activities name their objective by number (1-based): renumber them as the objectives moved.
        int Renumber(int number) => verb switch
        {
            "remove" when number == index + 1 => 0,
            "remove" when number > index + 1 => number - 1,
            "up" when index > 0 && number == index + 1 => index,
            "up" when index > 0 && number == index => index + 1,
            "down" when index + 1 < count && number == index + 1 => index + 2,
            "down" when index + 1 < count && number == index + 2 => index + 1,
            _ => number,
        };
        if (index >= 0 && index < count)
            foreach (var activity in form.Activities) activity.ObjectiveNumber = Renumber(activity.ObjectiveNumber);
        return focus;
    }

    private static string? Rows<T>(List<T> rows, string verb, int index, string name) where T : new()
    {
        string Focus(int i) => $"{name}_{i}";
        if (verb == "add")
        {
            rows.Add(new T());
            return Focus(rows.Count - 1);
        }
        if (index < 0 || index >= rows.Count) return null;
        switch (verb)
        {
            case "remove":
                rows.RemoveAt(index);
                return rows.Count == 0 ? null : Focus(Math.Min(index, rows.Count - 1));
            case "up" when index > 0:
                (rows[index - 1], rows[index]) = (rows[index], rows[index - 1]);
                return Focus(index - 1);
            case "down" when index + 1 < rows.Count:
                (rows[index + 1], rows[index]) = (rows[index], rows[index + 1]);
                return Focus(index + 1);
            default:
                return Focus(index);
        }
    }
}
