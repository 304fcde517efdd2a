namespace Gslts.Grains.Search;

/// <summary>초성 (the initial consonants of Hangul syllables): 삼성전자 → ㅅㅅㅈㅈ, as traders type to find a stock fast.</summary>
public static class KoreanInitials
{
    // The 19 initial consonants in Unicode's syllable order, as Hangul Compatibility Jamo (what keyboards type).
    private const string Initials = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
    private const char FirstSyllable = '\uAC00';
    private const char LastSyllable = '\uD7A3';
    private const int SyllablesPerInitial = 21 * 28;

    /// <summary>Each syllable becomes its initial; anything else passes through lower-cased.</summary>
    public static string Of(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++) span[i] = InitialOf(source[i]);
    });

    public static char InitialOf(char c) =>
        c is >= FirstSyllable and <= LastSyllable ? Initials[(c - FirstSyllable) / SyllablesPerInitial] : char.ToLowerInvariant(c);

    public static bool IsInitial(char c) => Initials.Contains(c);

    /// <summary>A query of initials only (ㅅㅅㅈㅈ), the kind matched against names' initials.</summary>
    public static bool IsInitialsQuery(string query) => query.Length > 0 && query.All(IsInitial);

    /// <summary>
    /// Whether <paramref name="name"/> starts with <paramref name="query"/> where each query character is either the
    /// name's syllable itself or that syllable's initial (삼성ㅈ matches 삼성전자).
    /// </summary>
    public static bool StartsWithMixed(string name, string query)
    {
        if (query.Length > name.Length) return false;
        for (var i = 0; i < query.Length; i++)
        {
            var q = query[i];
            if (q != name[i] && !(IsInitial(q) && InitialOf(name[i]) == q)) return false;
        }

        return true;
    }
}
