using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Gslts.KiwoomBridge.Feeding;

/// <summary>
/// The journal's bounds. Memory: past <see cref="JournalOptions.MemoryTrades"/> the oldest trades the grains can do
/// without spill to disk, so a storage outage never stops live prices. Disk and the inbox: past
/// <see cref="JournalOptions.DiskBytes"/> (or twice the memory bound of trades that cannot be spilled) and past
/// <see cref="JournalOptions.InboxTrades"/> the socket's receive loop waits in <see cref="Post"/>: nothing is dropped.
/// Checked once per loop pass and per beat, never per trade.
/// </summary>
public sealed partial class TickFeeder
{
    private readonly ManualResetEventSlim room = new(initialState: true);
    private readonly string spillFolder = Path.Combine(Path.GetFullPath(options.Value.Journal.Folder),
        $"bridge-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
    // Trades (and books) posted and not yet taken by the loop: the only count the socket's threads touch.
    private long queued;
    // The loop's own counts: trades held in lanes' memory, and disk spilled since the last beat counted it.
    private long inMemory;
    private long peakInMemory;
    private long diskBytes;
    private long socketWaits;
    private long socketWaitsSeen;
    private volatile bool journalFull;
    // A spill that could not get memory down is tried again once a quarter bound more has come, or at the next beat.
    private long spillAgainAt;
    private string? spillFailure;
    private JournalStatus journal = JournalStatus.Empty;

    /// <summary>The journal at the last beat, for /healthz.</summary>
    public JournalStatus Journal => Volatile.Read(ref journal);

    /// <summary>Where this bridge spills (created on the first spill, removed at stop).</summary>
    public string SpillFolder => spillFolder;

    private JournalOptions Bounds => options.Value.Journal;

    private bool HasRoom => Interlocked.Read(ref queued) <= Bounds.InboxTrades / 2 && !journalFull;

    /// <summary>The socket's side: past the inbox bound (or with the journal full) its receive loop waits for the feeder.</summary>
    private void Queued(int items)
    {
        if (Interlocked.Add(ref queued, items) > Bounds.InboxTrades)
        {
            room.Reset();
            // The loop may have emptied the inbox meanwhile: then there is room after all.
            if (HasRoom) room.Set();
        }

        if (room.IsSet) return;
        Interlocked.Increment(ref socketWaits);
        try
        {
            room.Wait(stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the frame is in the inbox; nothing more comes.
        }
    }

    /// <summary>The loop's side, after each pass: memory back under its bound, the socket held while full, and let go when there is room.</summary>
    private void KeepWithinBounds()
    {
        peakInMemory = Math.Max(peakInMemory, inMemory);
        if (inMemory > Bounds.MemoryTrades && inMemory >= spillAgainAt) Spill();
        // Memory fills to its bound once the disk cannot take more; otherwise to twice it only with trades that cannot be spilled.
        var full = inMemory > (DiskFull(diskBytes) ? 1L : 2L) * Bounds.MemoryTrades || (spillFailure is not null && inMemory > Bounds.MemoryTrades);
        if (full != journalFull)
        {
            journalFull = full;
            if (full) room.Reset();
            if (full) logger.LogError("The feed's journal is full, so the real-time socket is no longer read until storage catches up (trades printed " +
                "meanwhile come later or from the tape): {Reason}", FullReason(diskBytes));
            else logger.LogInformation("The feed's journal has room again: the real-time socket is read again");
        }

        if (!room.IsSet && HasRoom) room.Set();
    }

    /// <summary>Spills the lanes holding most until memory is at three quarters of its bound (so a spill comes at most every quarter bound of trades).</summary>
    private void Spill()
    {
        var target = Bounds.MemoryTrades * 3L / 4;
        foreach (var lane in lanes.Values.Where(l => l.Trades.InMemory > 0).OrderByDescending(l => l.Trades.InMemory))
        {
            if (inMemory <= target || DiskFull(diskBytes)) break;
            var (memory, disk) = (lane.Trades.InMemory, lane.Trades.DiskBytes);
            try
            {
                // A batch in flight stays in memory for its receipt to report.
                if (lane.Trades.Spill(appliedOnly: lane.Delivering) > 0) spillFailure = null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (spillFailure is null) logger.LogError("Could not spill the journal to {Folder}; its trades stay in memory: {Reason}", spillFolder, e.Message);
                spillFailure = e.Message;
                break;
            }
            finally
            {
                inMemory += lane.Trades.InMemory - memory;
                diskBytes += lane.Trades.DiskBytes - disk;
            }
        }

        // What is left cannot go to disk yet (in flight, behind a gap, or for a grain that has not answered yet).
        spillAgainAt = inMemory > target ? inMemory + Bounds.MemoryTrades / 4 : 0;
    }

    /// <summary>Every beat: the journal counted over all lanes, its state decided, and the socket held or let go.</summary>
    private void OnBeat()
    {
        long trades = 0, onDisk = 0, bytes = 0, oldest = long.MaxValue;
        foreach (var lane in lanes.Values)
        {
            var t = lane.Trades;
            (trades, onDisk, bytes) = (trades + t.Count, onDisk + t.OnDisk, bytes + t.DiskBytes);
            if (t.OldestArrivedAt is { } at && at < oldest) oldest = at;
            if (t.Count > 0 || t.Gap is not null || lane.Book is not null) dirty.Add(lane.Code);
        }

        Interlocked.Exchange(ref held, trades);
        (diskBytes, spillAgainAt) = (bytes, 0);
        var b = Bounds;
        var full = journalFull;
        var waits = Interlocked.Read(ref socketWaits);
        var age = oldest == long.MaxValue ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Max(0, time.GetElapsedTime(oldest).Ticks));
        var reason = full ? FullReason(bytes)
            : age > b.DegradedAge ? Invariant($"the oldest trade not yet stored is {age.TotalSeconds:0.0} s old (Gslts:Kiwoom:Journal:DegradedAge {b.DegradedAge}): storage is behind")
            : trades > b.DegradedTrades ? Invariant($"{trades:N0} trades not yet stored (Gslts:Kiwoom:Journal:DegradedTrades {b.DegradedTrades:N0}): storage is behind")
            : waits > socketWaitsSeen ? Invariant($"the socket waited for the feeder's loop (over Gslts:Kiwoom:Journal:InboxTrades {b.InboxTrades:N0} queued)")
            : null;
        var state = full ? JournalState.Full : reason is null ? JournalState.Normal : JournalState.Degraded;
        var summary = Invariant(
            $"{trades:N0} trades not yet stored ({inMemory:N0} in memory, {onDisk:N0} on disk in {bytes / 1024.0 / 1024:0.0} MB), the oldest {age.TotalSeconds:0.0} s old; {Interlocked.Read(ref queued):N0} queued");
        var next = new JournalStatus(trades, inMemory, onDisk, bytes, age, Interlocked.Read(ref queued), peakInMemory, waits, state,
            reason is null ? summary : $"{reason}; {summary}");
        LogChanges(journal, next);
        socketWaitsSeen = waits;
        Volatile.Write(ref journal, next);
    }

    /// <summary>No more spilling: the disk bound is reached (0 keeps the journal in memory, the socket waiting past its bound).</summary>
    private bool DiskFull(long bytes) => Bounds.DiskBytes == 0 || bytes >= Bounds.DiskBytes;

    private string FullReason(long bytes) =>
        spillFailure is not null ? Invariant($"the journal cannot spill to disk ({spillFailure}) and holds {inMemory:N0} trades in memory")
        : DiskFull(bytes) ? Invariant($"{inMemory:N0} trades in memory past Gslts:Kiwoom:Journal:MemoryTrades with its disk full ({bytes:N0} of DiskBytes {Bounds.DiskBytes:N0})")
        : Invariant($"{inMemory:N0} trades in memory cannot go to disk yet (twice Gslts:Kiwoom:Journal:MemoryTrades)");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Logged when the journal crosses a threshold, not per trade.</summary>
    private void LogChanges(JournalStatus before, JournalStatus now)
    {
        if (before.OnDisk == 0 && now.OnDisk > 0)
        {
            logger.LogWarning("The feed's journal passed Gslts:Kiwoom:Journal:MemoryTrades ({Bound:N0} in memory): its oldest trades go to disk under {Folder}",
                Bounds.MemoryTrades, spillFolder);
        }
        else if (before.OnDisk > 0 && now.OnDisk == 0)
        {
            logger.LogInformation("The feed's journal is off the disk again: storage caught up");
        }

        // Full is said where it is decided (each pass); behind and back here, at most once a beat.
        if (now.State == before.State || now.State == JournalState.Full) return;
        if (now.State == JournalState.Degraded) logger.LogWarning("The feed's journal is behind: {Journal}", now.Summary);
        else if (before.State == JournalState.Degraded) logger.LogInformation("The feed's journal is back to normal: {Journal}", now.Summary);
    }

    /// <summary>Spill folders of bridges that no longer run (a crash leaves them behind).</summary>
    private void RemoveStaleSpills()
    {
        var root = Path.GetDirectoryName(spillFolder)!;
        if (!Directory.Exists(root)) return;
        foreach (var folder in Directory.EnumerateDirectories(root, "bridge-*"))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length != 3 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid) || Runs(pid)) continue;
            DeleteFolder(folder);
        }
    }

    private static bool Runs(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Not ours to look at: left alone.
            return true;
        }
    }

    private void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not remove the journal folder {Folder}: {Reason}", folder, e.Message);
        }
    }
}
