using System.Text.Json;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge.Feeding;
using Gslts.KiwoomBridge.Rest;
using Gslts.KiwoomSim.Market;
using Microsoft.Extensions.DependencyInjection;

namespace Gslts.KiwoomBridge.Tests;

/// <summary>ka10004, ka10080, ka10081 and ka10032 through <see cref="KiwoomApi"/> against KiwoomSim after its day has closed.</summary>
public sealed class MarketQueriesTests(ClosedMarketHost sim) : IClassFixture<ClosedMarketHost>
{
    private const string Samsung = "005930";
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    private KiwoomApi Api => sim.Host.Services.GetRequiredService<KiwoomApi>();

    private SimMarket Market => sim.Host.Services.GetRequiredService<SimMarket>();

    private Gslts.KiwoomSim.Market.DailyBar Yesterday => Market.History(Samsung)[^1];

    [Fact]
    public async Task Order_book_quote_equals_the_sims_book_level_for_level_best_first()
    {
        var quote = await Api.BookQuoteAsync(Samsung, CancellationToken.None);

        var (bestAsk, bestBid) = Market.ReadStock(Samsung, s => (s.BestAsk, s.BestBid));
        var depth = Market.Depth(Samsung)!;
        Assert.Equal((bestAsk, bestBid), (quote.Asks[0].Price, quote.Bids[0].Price));
        Assert.Equal(depth.Asks.Select(l => new BookLevel(l.Price, l.Quantity)), quote.Asks);
        Assert.Equal(depth.Bids.Select(l => new BookLevel(l.Price, l.Quantity)), quote.Bids);
        Assert.Equal((depth.TotalAsk, depth.TotalBid), (quote.TotalAsk, quote.TotalBid));
        AssertStrictlyOrdered(quote.Asks.Select(l => l.Price));
        AssertStrictlyOrdered(quote.Bids.Select(l => -l.Price));
        Assert.All(quote.Asks.Concat(quote.Bids), l => Assert.True(l.Price > 0 && l.Quantity > 0));
        Assert.True(quote.Bids[0].Price < quote.Asks[0].Price);
        Assert.Equal(sim.Host.Services.GetRequiredService<SimClock>().Now, quote.Time);
    }

    [Fact]
    public async Task Minute_candles_of_a_past_session_page_newest_first_and_equal_the_sims_bars()
    {
        var candles = await Api.MinuteCandlesAsync(Samsung, 1, Yesterday.Date, until: null, CancellationToken.None).ToListAsync();

        var bars = Market.PastMinutes(Samsung, Yesterday, 1);
        Assert.True(candles.Count > ClosedMarketHost.ChartPageSize, "the session spans more than one page");
        Assert.Equal(bars.Select(b => (At(Yesterday.Date, b.Start), b.Open, b.High, b.Low, b.Close, b.Volume)),
            candles.Select(c => (c.Time, c.Open, c.High, c.Low, c.Close, c.Volume)));
        AssertStrictlyOrdered(candles.Select(c => -c.Time.Ticks));
        Assert.All(candles, c => Assert.Equal((Kst, 0, Samsung), (c.Time.Offset, c.Time.Second, c.Code)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(15)]
    [InlineData(45)]
    [InlineData(60)]
    public async Task Minute_candles_start_on_their_scopes_boundaries_with_consistent_prices(int scope)
    {
        var candles = await Api.MinuteCandlesAsync(Samsung, scope, Yesterday.Date, until: null, CancellationToken.None).ToListAsync();

        Assert.NotEmpty(candles);
        AssertStrictlyOrdered(candles.Select(c => -c.Time.Ticks));
        Assert.All(candles, c =>
        {
            Assert.Equal(0, (int)c.Time.TimeOfDay.TotalSeconds % (scope * 60));
            Assert.True(c.Low <= Math.Min(c.Open, c.Close) && Math.Max(c.Open, c.Close) <= c.High && c.Low > 0, $"{c}");
        });
        Assert.Equal(Market.PastMinutes(Samsung, Yesterday, 1).Sum(b => b.Volume), candles.Sum(c => c.Volume));
    }

    [Fact]
    public async Task Minute_candles_stop_at_until_after_crossing_a_page()
    {
        var until = At(Yesterday.Date, new TimeOnly(13, 0));

        var candles = await Api.MinuteCandlesAsync(Samsung, 1, Yesterday.Date, until, CancellationToken.None).ToListAsync();

        // 13:00 up to the last bar at 15:19, one a minute: more than one page of the sim's.
        Assert.Equal(140, candles.Count);
        Assert.True(candles.Count > ClosedMarketHost.ChartPageSize);
        Assert.Equal((At(Yesterday.Date, new TimeOnly(15, 19)), until), (candles[0].Time, candles[^1].Time));
    }

    [Fact]
    public async Task Todays_minute_candles_hold_the_days_whole_volume_on_the_trading_date()
    {
        var candles = await Api.MinuteCandlesAsync(Samsung, 1, day: null, until: null, CancellationToken.None).ToListAsync();

        Assert.NotEmpty(candles);
        Assert.All(candles, c => Assert.Equal(Market.TradingDate, DateOnly.FromDateTime(c.Time.DateTime)));
        Assert.Equal(Market.Stats().Stocks[Samsung].Volume, candles.Sum(c => c.Volume));
        AssertStrictlyOrdered(candles.Select(c => -c.Time.Ticks));
    }

    [Fact]
    public async Task A_minute_scope_kiwoom_does_not_serve_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Api.MinuteCandlesAsync(Samsung, 2, day: null, until: null, CancellationToken.None).ToListAsync().AsTask());
    }

    [Fact]
    public async Task Daily_candles_run_back_from_today_across_pages_equal_to_the_sims_history()
    {
        var candles = await Api.DailyCandlesAsync(Samsung, Market.TradingDate, CancellationToken.None).ToListAsync();

        var today = Market.View(Samsung)!;
        var expected = Market.History(Samsung).Reverse()
            .Prepend(new Gslts.KiwoomSim.Market.DailyBar(Market.TradingDate, today.Open, today.High, today.Low, today.Price, today.Volume, today.TradingValue));
        Assert.True(candles.Count > 2 * ClosedMarketHost.ChartPageSize, "the year spans three pages");
        Assert.Equal(expected.Select(b => (b.Date, b.Open, b.High, b.Low, b.Close, b.Volume, b.TradingValue / 1_000_000 * 1_000_000)),
            candles.Select(c => (c.Date, c.Open, c.High, c.Low, c.Close, c.Volume, c.TradingValue)));
        AssertStrictlyOrdered(candles.Select(c => -(long)c.Date.DayNumber));
        Assert.All(candles, c => Assert.True(c.TurnoverRate >= 0));
    }

    [Fact]
    public async Task Daily_candles_from_an_earlier_base_date_start_at_that_date()
    {
        var history = Market.History(Samsung);
        var baseDate = history[^10].Date;

        var candles = await Api.DailyCandlesAsync(Samsung, baseDate, CancellationToken.None).ToListAsync();

        Assert.Equal(baseDate, candles[0].Date);
        Assert.Equal(history.Count - 9, candles.Count);
        Assert.Equal(history[0].Date, candles[^1].Date);
    }

    [Fact]
    public async Task Trading_value_ranking_lists_stocks_by_value_descending_ranked_from_one_across_pages()
    {
        var ranked = await Api.TradingValueRankingAsync(RankingMarket.All, RankingVenue.Krx, includeManagedStocks: true, CallKind.Query, CancellationToken.None)
            .Take(25).ToListAsync();

        var views = Market.Views().Where(v => v.Trades > 0).OrderByDescending(v => v.TradingValue).ThenBy(v => v.Listing.Code, StringComparer.Ordinal)
            .Take(25).ToList();
        Assert.True(ranked.Count > 2 * ClosedMarketHost.RankingPageSize, "three pages of the ranking");
        Assert.Equal(Enumerable.Range(1, 25), ranked.Select(r => r.Rank));
        Assert.Equal(ranked.Select(r => r.TradingValue).OrderDescending(), ranked.Select(r => r.TradingValue));
        Assert.Equal(views.Select(v => (v.Listing.Code, v.Listing.Name, v.Price, v.Price - v.Listing.PreviousClose, v.BestAsk, v.BestBid, v.Volume)),
            ranked.Select(r => (r.Code, r.Name, r.Price, r.Change, r.BestAsk, r.BestBid, r.Volume)));
        Assert.Equal(views.Select(v => v.TradingValue / 1_000_000 * 1_000_000), ranked.Select(r => r.TradingValue));
    }

    [Fact]
    public async Task Day_volumes_of_many_stocks_come_off_the_ranking_and_one_it_does_not_list_is_asked_alone()
    {
        var history = sim.Host.Services.GetRequiredService<ITradeHistory>();
        var views = Market.Views().ToList();
        var wanted = views.Where(v => v.Trades > 0).Take(30).Append(views.First(v => v.Trades == 0)).ToList();

        var volumes = await history.DayVolumesAsync(wanted.Select(v => v.Listing.Code).ToList(), CancellationToken.None).ToListAsync();

        Assert.Equal(wanted.Select(v => (v.Listing.Code, v.Volume)).Order(), volumes.Order());
    }

    [Fact]
    public async Task Kosdaq_ranking_lists_only_kosdaq_stocks()
    {
        var ranked = await Api.TradingValueRankingAsync(RankingMarket.Kosdaq, RankingVenue.Krx, includeManagedStocks: true, CallKind.Query, CancellationToken.None)
            .Take(15).ToListAsync();

        var kosdaq = Market.Listings.Where(l => l.Market == "KOSDAQ").Select(l => l.Code).ToHashSet();
        Assert.Equal(Enumerable.Range(1, 15), ranked.Select(r => r.Rank));
        Assert.Equal(ranked.Select(r => r.TradingValue).OrderDescending(), ranked.Select(r => r.TradingValue));
        Assert.All(ranked, r => Assert.Contains(r.Code, kosdaq));
    }

    private static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Kst);

    private static void AssertStrictlyOrdered(IEnumerable<long> values)
    {
        var list = values.ToList();
        Assert.All(list.Zip(list.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"{pair.First} then {pair.Second}"));
    }
}

/// <summary>The four answers read from literal JSON shaped as KRX.md lists their fields: signs, zero padding, millions.</summary>
public sealed class MarketAnswerFixtureTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    [Fact]
    public void Order_book_answer_lists_ten_asks_best_first_without_empty_levels()
    {
        using var answer = JsonDocument.Parse("""
            {"bid_req_base_tm":"093015",
             "sel_fpr_bid":"+70300","sel_fpr_req":"000000001200","sel_2th_pre_bid":"+70400","sel_2th_pre_req":"350",
             "sel_3th_pre_bid":"+70500","sel_3th_pre_req":"410","sel_4th_pre_bid":"+000000070600","sel_4th_pre_req":"90",
             "sel_5th_pre_bid":"+70700","sel_5th_pre_req":"77","sel_6th_pre_bid":"+70800","sel_6th_pre_req":"1500",
             "sel_7th_pre_bid":"+70900","sel_7th_pre_req":"60","sel_8th_pre_bid":"+71000","sel_8th_pre_req":"2300",
             "sel_9th_pre_bid":"+71100","sel_9th_pre_req":"15","sel_10th_pre_bid":"+71200","sel_10th_pre_req":"640",
             "buy_fpr_bid":"+70200","buy_fpr_req":"800","buy_2th_pre_bid":"+70100","buy_2th_pre_req":"000000000420",
             "buy_3th_pre_bid":"70000","buy_3th_pre_req":"300","buy_4th_pre_bid":"-69900","buy_4th_pre_req":"55",
             "buy_5th_pre_bid":"-69800","buy_5th_pre_req":"1000","buy_6th_pre_bid":"-000000069700","buy_6th_pre_req":"5",
             "buy_7th_pre_bid":"-69600","buy_7th_pre_req":"12","buy_8th_pre_bid":"-69500","buy_8th_pre_req":"700",
             "buy_9th_pre_bid":"0","buy_9th_pre_req":"0","buy_10th_pre_bid":"","buy_10th_pre_req":"",
             "tot_sel_req":"000000012345","tot_buy_req":"6789","return_code":0,"return_msg":"정상적으로 처리되었습니다"}
            """);

        var quote = KiwoomApi.ReadBookQuote("005930", answer.RootElement);

        Assert.Equal(("005930", new TimeOnly(9, 30, 15), 12_345L, 6_789L), (quote.Code, quote.Time, quote.TotalAsk, quote.TotalBid));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => 70_300L + 100 * i), quote.Asks.Select(l => l.Price));
        Assert.Equal([1_200L, 350, 410, 90, 77, 1_500, 60, 2_300, 15, 640], quote.Asks.Select(l => l.Quantity));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => 70_200L - 100 * i), quote.Bids.Select(l => l.Price));
        Assert.Equal([800L, 420, 300, 55, 1_000, 5, 12, 700], quote.Bids.Select(l => l.Quantity));
    }

    [Fact]
    public void Minute_candle_answer_reads_signed_padded_prices_as_prices_at_kst_times()
    {
        using var answer = JsonDocument.Parse("""
            {"stk_cd":"005930","stk_min_pole_chart_qry":[
              {"cur_prc":"-69900","trde_qty":"000000012345","cntr_tm":"20260105093100","open_pric":"+70100","high_pric":"+70200",
               "low_pric":"-69800","pred_pre":"-100"},
              {"cur_prc":"+70100","trde_qty":"8000","cntr_tm":"20260105093000","open_pric":"70000","high_pric":"+000000070100",
               "low_pric":"-69900","pred_pre":"+100"}],
             "return_code":0,"return_msg":"정상적으로 처리되었습니다"}
            """);

        var candles = KiwoomApi.ReadMinuteCandles("005930", answer.RootElement).ToList();

        Assert.Equal(
            [
                new MinuteCandle("005930", new DateTimeOffset(2026, 1, 5, 9, 31, 0, Kst), 70_100, 70_200, 69_800, 69_900, 12_345),
                new MinuteCandle("005930", new DateTimeOffset(2026, 1, 5, 9, 30, 0, Kst), 70_000, 70_100, 69_900, 70_100, 8_000),
            ],
            candles);
    }

    [Fact]
    public void A_minute_candle_without_a_full_date_time_is_refused_rather_than_guessed()
    {
        using var answer = JsonDocument.Parse("""{"stk_min_pole_chart_qry":[{"cur_prc":"70000","cntr_tm":"093000"}]}""");

        Assert.Throws<FormatException>(() => KiwoomApi.ReadMinuteCandles("005930", answer.RootElement).ToList());
    }

    [Fact]
    public void Daily_candle_answer_reads_trading_value_in_millions_as_won()
    {
        using var answer = JsonDocument.Parse("""
            {"stk_cd":"005930","stk_dt_pole_chart_qry":[
              {"dt":"20260105","open_pric":"+70100","high_pric":"+71000","low_pric":"-69800","cur_prc":"+70500",
               "trde_qty":"000012345678","trde_prica":"870123","trde_tern_rt":"+0.21"},
              {"dt":"20260102","open_pric":"69000","high_pric":"70200","low_pric":"68900","cur_prc":"70000",
               "trde_qty":"9876543","trde_prica":"000000685432","trde_tern_rt":"0.17"}],
             "return_code":0,"return_msg":"정상적으로 처리되었습니다"}
            """);

        var candles = KiwoomApi.ReadDailyCandles("005930", answer.RootElement).ToList();

        Assert.Equal(
            [
                new DailyCandle("005930", new DateOnly(2026, 1, 5), 70_100, 71_000, 69_800, 70_500, 12_345_678, 870_123_000_000, 0.21m),
                new DailyCandle("005930", new DateOnly(2026, 1, 2), 69_000, 70_200, 68_900, 70_000, 9_876_543, 685_432_000_000, 0.17m),
            ],
            candles);
    }

    [Fact]
    public void Ranking_answer_keeps_signs_on_changes_only_strips_the_A_prefix_and_reads_millions_as_won()
    {
        using var answer = JsonDocument.Parse("""
            {"trde_prica_upper":[
              {"stk_cd":"A005930","now_rank":"1","pred_rank":"2","stk_nm":"삼성전자","cur_prc":"-69800","pred_pre":"-1200",
               "flu_rt":"-1.69","sel_bid":"-69900","buy_bid":"-69800","now_trde_qty":"000015234567","pred_trde_qty":"12000000",
               "trde_prica":"1063456"},
              {"stk_cd":"000660","now_rank":"2","pred_rank":"0","stk_nm":"SK하이닉스","cur_prc":"+131500","pred_pre":"+3500",
               "flu_rt":"+2.73","sel_bid":"+131600","buy_bid":"+131500","now_trde_qty":"4123456","pred_trde_qty":"3900000",
               "trde_prica":"000000541234"}],
             "return_code":0,"return_msg":"정상적으로 처리되었습니다"}
            """);

        var ranked = KiwoomApi.ReadTradingValueRanking(answer.RootElement).ToList();

        Assert.Equal(
            [
                new RankedStock(1, 2, "005930", "삼성전자", 69_800, -1_200, -1.69m, 69_900, 69_800, 15_234_567, 12_000_000, 1_063_456_000_000),
                new RankedStock(2, null, "000660", "SK하이닉스", 131_500, 3_500, 2.73m, 131_600, 131_500, 4_123_456, 3_900_000, 541_234_000_000),
            ],
            ranked);
    }

    [Fact]
    public void Answers_with_fields_beyond_the_spec_fields_left_out_and_empty_numbers_are_read_for_what_they_have()
    {
        using var ranking = JsonDocument.Parse("""
            {"trde_prica_upper":[
              {"stk_cd":"005930","now_rank":"1","stk_nm":"삼성전자","cur_prc":"+70100","pred_pre":"","flu_rt":"","sel_bid":"",
               "now_trde_qty":"1000","trde_prica":"70","vendor_only_field":"x","nested":{"a":[1,2]}}],
             "an_extra_list":[{"k":"v"}],"return_code":0,"return_msg":"정상적으로 처리되었습니다"}
            """);
        using var book = JsonDocument.Parse("""
            {"sel_fpr_bid":"+70300","sel_fpr_req":"","sel_1th_pre_req_pre":"-5","buy_fpr_bid":"+70200","buy_fpr_req":"800",
             "ovt_buy_req":"12","tot_buy_req":"","bid_req_base_tm":"","return_code":0,"return_msg":"정상적으로 처리되었습니다"}
            """);
        using var noRows = JsonDocument.Parse("""{"stk_cd":"005930","return_code":0,"return_msg":"조회할 자료가 없습니다"}""");

        var ranked = Assert.Single(KiwoomApi.ReadTradingValueRanking(ranking.RootElement));
        var quote = KiwoomApi.ReadBookQuote("005930", book.RootElement);

        Assert.Equal(new RankedStock(1, null, "005930", "삼성전자", 70_100, 0, 0m, 0, 0, 1_000, 0, 70_000_000), ranked);
        Assert.Equal([new BookLevel(70_300, 0)], quote.Asks);
        Assert.Equal([new BookLevel(70_200, 800)], quote.Bids);
        Assert.Equal((0L, (TimeOnly?)null), (quote.TotalBid, quote.Time));
        Assert.Empty(KiwoomApi.ReadMinuteCandles("005930", noRows.RootElement));
        Assert.Empty(KiwoomApi.ReadDailyCandles("005930", noRows.RootElement));
        Assert.Empty(KiwoomApi.ReadTradingValueRanking(noRows.RootElement));
    }
}
