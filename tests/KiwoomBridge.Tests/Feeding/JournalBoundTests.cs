using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge.Feeding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.Tests.Feeding;

/// <summary>The feeder with its grains' storage stalled: the journal's bounds, its disk, its report and the socket held when full.</summary>
public sealed class JournalBoundTests : IAsyncLifetime
{
    private const int MemoryTrades = 1_000;
    private const int Frame = 100;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string folder = Directory.CreateTempSubdirectory("gslts-journal-").FullName;
    private readonly (IGrainFactory Factory, RecordingGrains Recorder) grains = RecordingGrains.Create();
    private readonly Prints samsung = new("005930", Prints.Monday);
    private readonly FakeExchange history = new();
    private readonly CapturedLogs logs = new();
    private readonly ILoggerFactory logging;
    private readonly KiwoomOptions options;
    private TickFeeder feeder = null!;

    public JournalBoundTests()
    {
        history.Days["005930"] = samsung;
        logging = LoggerFactory.Create(l => l.AddProvider(logs));
        options = new KiwoomOptions
        {
            BatchWindow = TimeSpan.FromMilliseconds(2),
            GapGrace = TimeSpan.FromMilliseconds(50),
            Journal = new JournalOptions
            {
                Folder = folder, MemoryTrades = MemoryTrades, InboxTrades = 1_000, DegradedAge = TimeSpan.FromSeconds(1), DegradedTrades = 1_000_000,
            },
        };
    }

    private RecordingStockGrain Samsung => grains.Recorder.Stocks.GetOrAdd("005930", c => new RecordingStockGrain(c));

    public Task InitializeAsync()
    {
        feeder = new TickFeeder(grains.Factory, history, Options.Create(options), TimeProvider.System, logging.CreateLogger<TickFeeder>());
        return feeder.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await feeder.StopAsync(CancellationToken.None);
        feeder.Dispose();
        logging.Dispose();
        if (File.Exists(folder)) File.Delete(folder);
        else Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task With_storage_stalled_memory_stays_within_its_bound_the_rest_goes_to_disk_and_nothing_is_lost_when_storage_is_back()
    {
        Samsung.HoldWrites = true;
        var printed = samsung.PrintMany(6_000);

        PostInFrames(printed);
        await Until(() => Samsung.Ticks.Count == 6_000 && feeder.Journal.Trades == 6_000);

        var stalled = feeder.Journal;
        Assert.InRange(stalled.InMemory, 0, MemoryTrades);
        Assert.InRange(stalled.OnDisk, 6_000 - MemoryTrades, 6_000);
        // Trades not yet answered for cannot spill: memory may reach twice its bound (then the socket waits), plus a pass of the loop.
        Assert.InRange(stalled.PeakInMemory, 0, 2 * MemoryTrades + options.Journal.InboxTrades + Frame);
        Assert.NotEmpty(Directory.GetFiles(folder, "*.trades", SearchOption.AllDirectories));

        Samsung.HoldWrites = false;
        await Until(() => feeder.Held == 0 && feeder.Journal.Trades == 0);

        Assert.Equal(printed.Select(t => t.CumulativeVolume), Samsung.Ticks.Select(t => t.CumulativeVolume));
        Assert.Empty(Directory.GetFiles(folder, "*.trades", SearchOption.AllDirectories));
        Assert.Equal(0, history.TapeReads);
    }

    [Fact]
    public async Task A_grain_that_lost_its_memory_while_storage_was_away_gets_every_trade_again_from_disk()
    {
        Samsung.HoldWrites = true;
        var printed = samsung.PrintMany(5_000);
        PostInFrames(printed);
        await Until(() => Samsung.Ticks.Count == 5_000 && feeder.Journal.OnDisk >= 4_000);

        Samsung.LoseUnstored();
        Assert.Empty(Samsung.Ticks);

        await Until(() => Samsung.Ticks.Count == 5_000);
        Assert.Equal(printed.Select(t => t.CumulativeVolume), Samsung.Ticks.Select(t => t.CumulativeVolume));
        Assert.Equal(0, history.TapeReads);
    }

    [Fact]
    public async Task The_journal_reports_its_size_and_age_turns_degraded_past_the_threshold_and_says_so_once()
    {
        Samsung.HoldWrites = true;
        PostInFrames(samsung.PrintMany(100));

        await Until(() => feeder.Journal.State == JournalState.Degraded);
        // Beats go on while it stays behind: it is said once.
        await Until(() => feeder.Journal.OldestAge > options.Journal.DegradedAge * 2);
        var behind = feeder.Journal;
        Samsung.HoldWrites = false;
        await Until(() => feeder.Journal.State == JournalState.Normal);

        Assert.Equal(100, behind.Trades);
        Assert.Contains("the oldest trade not yet stored is", behind.Summary);
        Assert.Contains("100 trades not yet stored", behind.Summary);
        Assert.Single(logs.Lines, l => l.Contains("journal is behind"));
        Assert.Single(logs.Lines, l => l.Contains("journal is back to normal"));
    }

    [Fact]
    public async Task Past_its_disk_bound_the_journal_holds_the_socket_instead_of_dropping_a_trade()
    {
        options.Journal.DiskBytes = 2_000L * JournalSpill.RecordSize;
        Samsung.HoldWrites = true;
        var printed = samsung.PrintMany(10_000);
        var posted = 0;

        // The socket's receive loop, as it would post frame after frame.
        var socket = Task.Run(() =>
        {
            foreach (var frame in printed.Chunk(Frame))
            {
                feeder.Post(frame, [], TimeProvider.System.GetTimestamp());
                Interlocked.Add(ref posted, frame.Length);
            }
        });

        await Until(() => feeder.Journal.State == JournalState.Full);
        Assert.False(socket.IsCompleted, "the socket waits while the journal is full");
        Assert.InRange(Volatile.Read(ref posted), 0, 6_000);
        Assert.Contains(logs.Lines, l => l.StartsWith("Error") && l.Contains("journal is full"));

        Samsung.HoldWrites = false;
        await socket.WaitAsync(Patience);
        await Until(() => Samsung.Ticks.Count == 10_000 && feeder.Held == 0);
        Assert.Equal(printed.Select(t => t.CumulativeVolume), Samsung.Ticks.Select(t => t.CumulativeVolume));
        Assert.Equal(0, feeder.SkippedVolume);
    }

    [Fact]
    public async Task A_journal_that_cannot_spill_keeps_every_trade_in_memory_and_holds_the_socket_past_its_bound()
    {
        Samsung.HoldWrites = true;
        var printed = samsung.PrintMany(3_000);
        PostInFrames(printed[..Frame]);
        await Until(() => Samsung.Ticks.Count == Frame);
        // The disk went away: where the journal spills is a file now.
        Directory.Delete(folder, recursive: true);
        await File.WriteAllTextAsync(folder, "not a folder");

        var socket = Task.Run(() => PostInFrames(printed[Frame..]));
        await Until(() => feeder.Journal.State == JournalState.Full);

        Assert.Contains("cannot spill", feeder.Journal.Summary);
        Assert.False(socket.IsCompleted, "the socket waits while the journal is full");
        Samsung.HoldWrites = false;
        await socket.WaitAsync(Patience);
        await Until(() => Samsung.Ticks.Count == 3_000 && feeder.Held == 0);
        Assert.Equal(printed.Select(t => t.CumulativeVolume), Samsung.Ticks.Select(t => t.CumulativeVolume));
        Assert.Single(logs.Lines, l => l.Contains("Could not spill"));
    }

    private void PostInFrames(IEnumerable<Tick> ticks)
    {
        foreach (var frame in ticks.Chunk(Frame)) feeder.Post(frame, [], TimeProvider.System.GetTimestamp());
    }

    private static async Task Until(Func<bool> condition) =>
        Assert.True(await Poll.Until(condition, Patience, everyMs: 10), $"the feeder did not get there in {Patience}");
}
