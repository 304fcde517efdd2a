using System.Diagnostics.Metrics;
using Gslts.Grains.Stocks;

namespace Gslts.Silo.Storage;

/// <summary>
/// The silo's stock store: every stock grain's write waits for the next commit, which takes all writes queued since the
/// last one in one transaction, at most once per <see cref="StorageSettings.WriteInterval"/> (a quiet silo's first write
/// goes at once). So storage costs a few transactions a second however many stocks trade, and rows in proportion to
/// what changed. A failed commit fails each of its writes (their grains write again); nothing of it is stored.
/// </summary>
public sealed class BatchedStockStore : IStockStore, IAsyncDisposable
{
    /// <summary>The meter of the store's instruments (commits, rows, bytes, commit time, a write's wait).</summary>
    public const string MeterName = "Gslts.Storage.Stocks";

    private readonly StockTables tables;
    private readonly bool synchronousDriver;
    private readonly TimeSpan interval;
    private readonly TimeProvider time;
    private readonly ILogger<BatchedStockStore> logger;
    private readonly object sync = new();
    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> commits;
    private readonly Counter<long> failures;
    private readonly Counter<long> statements;
    private readonly Counter<long> rows;
    private readonly Counter<long> bytes;
    private readonly Histogram<double> commitTime;
    private readonly Histogram<double> writeWait;
    private List<Pending> queued = [];
    private Task? committing;
    private long lastCommit;
    private bool failing;

    public BatchedStockStore(StorageSettings settings, TimeProvider time, ILogger<BatchedStockStore> logger)
    {
        (tables, interval, this.time, this.logger) = (new StockTables(settings), settings.WriteInterval, time, logger);
        synchronousDriver = settings.Provider == StorageProvider.Sqlite;
        commits = meter.CreateCounter<long>("gslts.storage.stocks.commits", description: "Transactions committed");
        failures = meter.CreateCounter<long>("gslts.storage.stocks.failed_commits", description: "Transactions that failed (their writes are retried by their grains)");
        statements = meter.CreateCounter<long>("gslts.storage.stocks.statements", description: "SQL statements executed in committed transactions");
        rows = meter.CreateCounter<long>("gslts.storage.stocks.rows", description: "Rows upserted in committed transactions");
        bytes = meter.CreateCounter<long>("gslts.storage.stocks.bytes", "By", "SQL text and values sent in committed transactions");
        commitTime = meter.CreateHistogram<double>("gslts.storage.stocks.commit_time", "ms", "One transaction, from opening the connection to its commit");
        writeWait = meter.CreateHistogram<double>("gslts.storage.stocks.write_wait", "ms", "A grain's write, from queued to durable");
    }

    /// <summary>This store's meter (a listener can tell its instruments from another silo's in the same process).</summary>
    public Meter Meter => meter;

    public Task<StoredStockDay> ReadAsync(string code, CancellationToken cancellationToken) => tables.ReadAsync(code, cancellationToken);

    public Task WriteAsync(StockDayWrite write, CancellationToken cancellationToken)
    {
        var pending = new Pending(write, time.GetTimestamp());
        lock (sync)
        {
            queued.Add(pending);
            // Off the calling grain's scheduler: the loop belongs to the silo, not to the grain that happened to start it.
            committing ??= Task.Run(CommitLoopAsync, CancellationToken.None);
        }

        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Commits what is still queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (sync) loop = committing;
        if (loop is not null) await loop;
        meter.Dispose();
    }

    private async Task CommitLoopAsync()
    {
        while (true)
        {
            var wait = lastCommit == 0 ? TimeSpan.Zero : interval - time.GetElapsedTime(lastCommit);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time);
            List<Pending> batch;
            lock (sync)
            {
                if (queued.Count == 0)
                {
                    committing = null;
                    return;
                }

                (batch, queued) = (queued, new List<Pending>(queued.Count));
            }

            lastCommit = time.GetTimestamp();
            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            StockDayWrite[] writes = [.. batch.Select(p => p.Write)];
            // SQLite's async calls complete synchronously: a long commit on a pool thread would starve the grains' turns.
            var totals = synchronousDriver
                ? await Task.Factory.StartNew(() => tables.WriteAsync(writes, CancellationToken.None), CancellationToken.None,
                    TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()
                : await tables.WriteAsync(writes, CancellationToken.None);
            commitTime.Record(time.GetElapsedTime(lastCommit).TotalMilliseconds);
            commits.Add(1);
            statements.Add(totals.Statements);
            rows.Add(totals.Rows);
            bytes.Add(totals.Bytes);
            if (failing) logger.LogInformation("Stock days are stored again ({Count} stocks in this commit)", batch.Count);
            failing = false;
            var now = time.GetTimestamp();
            foreach (var pending in batch)
            {
                writeWait.Record(time.GetElapsedTime(pending.Queued, now).TotalMilliseconds);
                pending.Done.TrySetResult();
            }
        }
        catch (Exception e)
        {
            failures.Add(1);
            // One line per failed commit (at most one per interval), not one per stock.
            logger.LogWarning(failing ? null : e, "Could not store the days of {Count} stocks; their grains write them again: {Reason}", batch.Count, e.Message);
            failing = true;
            foreach (var pending in batch) pending.Done.TrySetException(e);
        }
    }

    private sealed record Pending(StockDayWrite Write, long Queued)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
