namespace Gslts.Silo.Tests.UsSectors;

/// <summary>
/// Answers in the documented shape of Yahoo Finance's v8 chart API, written by hand (the numbers are made up):
/// <c>chart.result[0]</c> with <c>meta</c>, <c>timestamp[]</c> and <c>indicators.quote[0]</c>; errors in <c>chart.error</c>.
/// </summary>
internal static class YahooFixtures
{
    /// <summary>
    /// XLK, 2025-06-09 … 06-13 (bars stamped 09:30 New York time; 06-12 without a close) and a bar of 06-16 stamped
    /// during that day's regular session (13:30–20:00 UTC).
    /// </summary>
    public const string XlkChart = """
        {
          "chart": {
            "result": [
              {
                "meta": {
                  "currency": "USD",
                  "symbol": "XLK",
                  "exchangeName": "PCX",
                  "instrumentType": "ETF",
                  "regularMarketTime": 1750095912,
                  "gmtoffset": -14400,
                  "timezone": "EDT",
                  "exchangeTimezoneName": "America/New_York",
                  "regularMarketPrice": 244.61,
                  "chartPreviousClose": 238.8,
                  "currentTradingPeriod": {
                    "pre": { "timezone": "EDT", "start": 1750060800, "end": 1750080600, "gmtoffset": -14400 },
                    "regular": { "timezone": "EDT", "start": 1750080600, "end": 1750104000, "gmtoffset": -14400 },
                    "post": { "timezone": "EDT", "start": 1750104000, "end": 1750118400, "gmtoffset": -14400 }
                  },
                  "dataGranularity": "1d",
                  "range": "1mo",
                  "validRanges": [ "1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "ytd", "max" ]
                },
                "timestamp": [ 1749475800, 1749562200, 1749648600, 1749735000, 1749821400, 1750095912 ],
                "indicators": {
                  "quote": [
                    {
                      "open": [ 240.1, 241.5, 243.2, 242.0, 241.1, 240.3 ],
                      "high": [ 241.9, 243.6, 243.9, 242.8, 241.4, 245.0 ],
                      "low": [ 239.6, 241.2, 241.8, 240.9, 239.5, 240.1 ],
                      "close": [ 241.37, 243.05, 242.18, null, 239.92, 244.61 ],
                      "volume": [ 5120400, 4987300, 5301200, null, 6021100, 2100400 ]
                    }
                  ],
                  "adjclose": [ { "adjclose": [ 240.9, 242.58, 241.71, null, 239.46, 244.61 ] } ]
                }
              }
            ],
            "error": null
          }
        }
        """;

    /// <summary>Bars stamped 03:00 UTC (the evening before in New York), with an unknown zone name: dated by <c>gmtoffset</c>.</summary>
    public const string UnknownZoneChart = """
        {
          "chart": {
            "result": [
              {
                "meta": { "symbol": "XLF", "gmtoffset": -14400, "exchangeTimezoneName": "Nowhere/Unknown", "dataGranularity": "1d" },
                "timestamp": [ 1749524400, 1749610800 ],
                "indicators": { "quote": [ { "close": [ 51.2, 51.75 ] } ] }
              }
            ],
            "error": null
          }
        }
        """;

    public const string NotFound = """
        { "chart": { "result": null, "error": { "code": "Not Found", "description": "No data found, symbol may be delisted" } } }
        """;
}
