namespace Talka.Domain.Narrative;

/// <summary>Lithuanian number words in their case forms ("dvidešimt", "keturiolikos", "du šimtai devyni",
/// "dviejų"), read as numbers.</summary>
public static class LithuanianNumbers
{
    private static readonly Dictionary<string, int> Words = Build();

    private static Dictionary<string, int> Build()
    {
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        void Add(int value, params string[] forms)
        {
            foreach (var form in forms)
                words[form] = value;
        }
        Add(1, "vienas", "viena", "vieno", "vienos", "vienam", "vienai", "vieną", "vienu", "viename", "vienoje");
        Add(2, "du", "dvi", "dviejų", "dviem", "dviese");
        Add(3, "trys", "tris", "trijų", "trims", "trimis");
        string[] Plural(string stem) =>
            [
                stem + "i",
                stem + "ios",
                stem + "is",
                stem + "ias",
                stem + "ių",
                stem + "iems",
                stem + "ioms",
                stem + "iais",
            ];
        Add(4, Plural("ketur"));
        Add(5, Plural("penk"));
        Add(6, Plural("šeš"));
        Add(7, Plural("septyn"));
        Add(8, Plural("aštuon"));
        Add(9, Plural("devyn"));
        string[] Teen(string stem) => [stem + "lika", stem + "likos", stem + "likai", stem + "lika", stem + "likoje"];
        Add(11, Teen("vienuo"));
        Add(12, Teen("dvy"));
        Add(13, Teen("try"));
        Add(14, Teen("keturio"));
        Add(15, Teen("penkio"));
        Add(16, Teen("šešio"));
        Add(17, Teen("septynio"));
        Add(18, Teen("aštuonio"));
        Add(19, Teen("devynio"));
        string[] Ten(string stem) => [stem + "dešimt", stem + "dešimties", stem + "dešimčiai", stem + "dešimčia"];
        Add(10, Ten(""));
        Add(20, Ten("dvi"));
        Add(30, Ten("tris"));
        Add(40, Ten("keturias"));
        Add(50, Ten("penkias"));
        Add(60, Ten("šešias"));
        Add(70, Ten("septynias"));
        Add(80, Ten("aštuonias"));
        Add(90, Ten("devynias"));
        Add(100, "šimtas", "šimto", "šimtui", "šimtą", "šimtu", "šimtai", "šimtų", "šimtams", "šimtus", "šimtais");
        Add(1000, "tūkstantis", "tūkstančio", "tūkstančiui", "tūkstantį", "tūkstančiai", "tūkstančių", "tūkstančius");
        return words;
    }

    /// <summary>Whether the word is a number word.</summary>
    public static bool IsNumberWord(string word) => Words.ContainsKey(word);

    /// <summary>The value of a run of number words ("du šimtai devyni" = 209), or null if one is not a number
    /// word.</summary>
    public static int? Value(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
            return null;
        var total = 0;
        var current = 0;
        foreach (var word in words)
        {
            if (!Words.TryGetValue(word, out var value))
                return null;
            if (value == 100)
                current = (current == 0 ? 1 : current) * 100;
            else if (value == 1000)
            {
                total += (current == 0 ? 1 : current) * 1000;
                current = 0;
            }
            else
                current += value;
        }
        return total + current;
    }
}
