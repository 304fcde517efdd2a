using System.Globalization;
using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Market;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>ka10099 종목정보 리스트: one market's listings, camelCase fields (unlike other ids), paged.</summary>
public static class StockList
{
    public static SimAnswer Answer(SimMarket market, SimRequest request, int pageSize)
    {
        // Kiwoom's other markets (ETF, ELW, 리츠, K-OTC...) are real choices the sim lists nothing in.
        var wanted = request.Str("mrkt_tp") switch
        {
            "0" => "KOSPI",
            "10" => "KOSDAQ",
            "2" or "3" or "4" or "5" or "6" or "7" or "8" or "9" or "30" or "50" or "60" or "70" or "80" or "90" => "",
            _ => null,
        };
        if (wanted is null)
        {
            return new(KiwoomErrors.Answer(KiwoomErrors.BadRequest, $"mrkt_tp는 0(코스피), 10(코스닥) 등 Kiwoom의 시장구분입니다 ({request.Str("mrkt_tp")})"));
        }

        var listings = market.Listings.Where(l => l.Market == wanted).ToList();
        var (start, next) = Paging.Page(request.NextKey, pageSize, listings.Count);
        var rows = new JsonArray();
        foreach (var listing in listings.Skip(start).Take(pageSize))
        {
            rows.Add(Row(listing));
        }

        return new(KiwoomErrors.Success(new JsonObject { ["list"] = rows }), next);
    }

    private static JsonObject Row(Listing l)
    {
        var shares = l.Shares;
        var cap = shares * l.PreviousClose;
        return new JsonObject
        {
            ["code"] = l.Code,
            ["name"] = l.Name,
            ["listCount"] = shares.ToString("D16", CultureInfo.InvariantCulture),
            ["auditInfo"] = "정상",
            ["regDay"] = RegistrationDay(l.Code),
            ["lastPrice"] = l.PreviousClose.ToString("D8", CultureInfo.InvariantCulture),
            ["state"] = "증거금20%|담보대출|신용가능",
            ["marketCode"] = l.Market == "KOSPI" ? "0" : "10",
            ["marketName"] = l.Market == "KOSPI" ? "거래소" : "코스닥",
            ["upName"] = l.Sector,
            ["upSizeName"] = cap >= 2_000_000_000_000 ? "대형주" : cap >= 300_000_000_000 ? "중형주" : "소형주",
            ["orderWarning"] = "0",
            ["companyClassName"] = "",
            ["nxtEnable"] = l.Liquidity >= 1 ? "Y" : "N",
        };
    }

    // A listing date that stays the same for a code across runs.
    private static string RegistrationDay(string code)
    {
        var n = code.Aggregate(17, (h, c) => h * 31 + c) & 0x7fffffff;
        return new DateOnly(1975, 1, 2).AddDays(n % 18_000).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    }
}

/// <summary>Kiwoom paging: the next-key is opaque to the client; here it is the next row's offset.</summary>
public static class Paging
{
    public static (int Start, string? NextKey) Page(string? nextKey, int pageSize, int total)
    {
        var start = int.TryParse(nextKey, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? Math.Min(s, total) : 0;
        var end = start + pageSize;
        return (start, end < total ? end.ToString(CultureInfo.InvariantCulture) : null);
    }
}
