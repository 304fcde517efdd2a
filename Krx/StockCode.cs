namespace Gslts.Krx;

/// <summary>KRX stock codes: 6 characters, digits or capital letters (e.g. 005930, 0001A0).</summary>
public static class StockCode
{
    public const string Format = "6 characters, digits or capital letters, like 005930";

    public static bool IsValid(string? code) =>
        code is { Length: 6 } && code.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));
}
