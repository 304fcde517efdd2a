using System.Buffers;
using System.Buffers.Binary;
using Gslts.Grains.Interfaces.Stocks;
using Microsoft.Win32.SafeHandles;

namespace Gslts.KiwoomBridge.Feeding;

/// <summary>
/// The oldest trades of one lane on local disk, so that a storage outage costs disk rather than memory: segment files of
/// fixed-size records in cumulative-volume order. Appended to; read back only for a grain that lost what it had applied
/// (or never got it); dropped a segment at a time once the grain has stored all of it. No file stays open between calls.
/// Used by the feeder's loop only.
/// </summary>
public sealed class JournalSpill(string folder, string code)
{
    /// <summary>Bytes per trade on disk.</summary>
    public const int RecordSize = 82;

    /// <summary>Trades per segment file (1.3 MB): what a stored watermark frees comes back a segment at a time.</summary>
    public const int SegmentRecords = 16_384;

    private readonly List<Segment> segments = [];
    // Records at the start of the first segment that the grain has stored: still in the file, no longer held.
    private int deadInFirst;
    private long firstLive;
    private int nextFile;

    /// <summary>Trades held on disk.</summary>
    public int Count { get; private set; }

    /// <summary>Disk taken, stored records of a segment not yet freed included.</summary>
    public long Bytes { get; private set; }

    /// <summary>The cumulative volume of the last trade on disk; 0 when there is none.</summary>
    public long Last => segments.Count == 0 ? 0 : segments[^1].LastVolume;

    /// <summary>The arrival timestamp of the first trade held on disk (the oldest there).</summary>
    public long OldestArrivedAt { get; private set; }

    /// <summary>How many trades the next <see cref="Append"/> may take: what is left of the last segment, or a new one.</summary>
    public int Room => segments.Count == 0 || segments[^1].Count == SegmentRecords ? SegmentRecords : SegmentRecords - segments[^1].Count;

    /// <summary>
    /// Writes trades (at most <see cref="Room"/>, each above <see cref="Last"/>, in order) in one write of one segment: an
    /// I/O error leaves the spill as it was.
    /// </summary>
    public void Append(ReadOnlySpan<LaneTick> ticks)
    {
        if (ticks.IsEmpty) return;
        if (ticks.Length > Room) throw new ArgumentOutOfRangeException(nameof(ticks), $"{ticks.Length} trades do not fit the segment's {Room}");
        if (ticks[0].Tick.CumulativeVolume <= Last) throw new ArgumentException("spilled trades go in cumulative-volume order", nameof(ticks));
        var fresh = Room == SegmentRecords;
        var segment = fresh ? new Segment(Path.Combine(folder, $"{nextFile:D6}.trades")) : segments[^1];
        var bytes = ArrayPool<byte>.Shared.Rent(ticks.Length * RecordSize);
        try
        {
            for (var i = 0; i < ticks.Length; i++) Encode(bytes.AsSpan(i * RecordSize, RecordSize), ticks[i]);
            Directory.CreateDirectory(folder);
            using (var file = File.OpenHandle(segment.Path, FileMode.OpenOrCreate, FileAccess.Write))
            {
                RandomAccess.Write(file, bytes.AsSpan(0, ticks.Length * RecordSize), (long)segment.Count * RecordSize);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }

        if (fresh)
        {
            segments.Add(segment);
            nextFile++;
        }

        if (Count == 0) (firstLive, OldestArrivedAt) = (ticks[0].Tick.CumulativeVolume, ticks[0].ArrivedAt);
        segment.Count += ticks.Length;
        segment.LastVolume = ticks[^1].Tick.CumulativeVolume;
        Count += ticks.Length;
        Bytes += (long)ticks.Length * RecordSize;
    }

    /// <summary>Up to <paramref name="max"/> trades held on disk above <paramref name="volume"/>, in order.</summary>
    public LaneTick[] Read(long volume, int max)
    {
        var found = new List<LaneTick>();
        for (var s = 0; s < segments.Count && found.Count < max; s++)
        {
            var segment = segments[s];
            if (segment.LastVolume <= volume) continue;
            using var file = File.OpenHandle(segment.Path);
            var from = s == 0 ? deadInFirst : 0;
            if (found.Count == 0) from = FirstAbove(file, from, segment.Count, volume);
            ReadRecords(file, from, Math.Min(segment.Count - from, max - found.Count), found);
        }

        return [.. found];
    }

    /// <summary>Trades held on disk at or below <paramref name="volume"/>.</summary>
    public int CountThrough(long volume)
    {
        var count = 0;
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            var from = s == 0 ? deadInFirst : 0;
            if (segment.LastVolume <= volume)
            {
                count += segment.Count - from;
                continue;
            }

            using var file = File.OpenHandle(segment.Path);
            return count + FirstAbove(file, from, segment.Count, volume) - from;
        }

        return count;
    }

    /// <summary>The grain has stored through <paramref name="volume"/>: those trades are no longer held, and whole segments of them go.</summary>
    public void DropThrough(long volume)
    {
        if (Count == 0 || volume < firstLive) return;
        while (segments.Count > 0 && segments[0].LastVolume <= volume)
        {
            var gone = segments[0];
            Count -= gone.Count - deadInFirst;
            Bytes -= (long)gone.Count * RecordSize;
            Delete(gone.Path);
            segments.RemoveAt(0);
            deadInFirst = 0;
        }

        if (segments.Count == 0) return;
        var first = segments[0];
        using var file = File.OpenHandle(first.Path);
        var dead = FirstAbove(file, deadInFirst, first.Count, volume);
        Count -= dead - deadInFirst;
        deadInFirst = dead;
        var oldest = new List<LaneTick>(1);
        ReadRecords(file, dead, 1, oldest);
        (firstLive, OldestArrivedAt) = (oldest[0].Tick.CumulativeVolume, oldest[0].ArrivedAt);
    }

    /// <summary>Deletes every segment (a new day, or the bridge stopping).</summary>
    public void Clear()
    {
        foreach (var segment in segments) Delete(segment.Path);
        segments.Clear();
        (Count, Bytes, deadInFirst) = (0, 0, 0);
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        }
        catch (IOException)
        {
            // Left for the feeder's own folder to be removed at stop.
        }
    }

    private int FirstAbove(SafeFileHandle file, int low, int high, long volume)
    {
        Span<byte> value = stackalloc byte[8];
        while (low < high)
        {
            var mid = (low + high) / 2;
            RandomAccess.Read(file, value, (long)mid * RecordSize);
            if (BinaryPrimitives.ReadInt64LittleEndian(value) <= volume) low = mid + 1;
            else high = mid;
        }

        return low;
    }

    private void ReadRecords(SafeFileHandle file, int from, int count, List<LaneTick> into)
    {
        if (count <= 0) return;
        var bytes = ArrayPool<byte>.Shared.Rent(count * RecordSize);
        try
        {
            var read = RandomAccess.Read(file, bytes.AsSpan(0, count * RecordSize), (long)from * RecordSize);
            if (read != count * RecordSize) throw new IOException($"{code}: a journal segment ended after {read / RecordSize} of {count} trades");
            for (var i = 0; i < count; i++) into.Add(Decode(bytes.AsSpan(i * RecordSize, RecordSize)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static void Encode(Span<byte> to, in LaneTick lane)
    {
        var t = lane.Tick;
        BinaryPrimitives.WriteInt64LittleEndian(to, t.CumulativeVolume);
        BinaryPrimitives.WriteInt64LittleEndian(to[8..], t.Sequence);
        BinaryPrimitives.WriteInt64LittleEndian(to[16..], t.Time.Ticks);
        BinaryPrimitives.WriteInt16LittleEndian(to[24..], (short)t.Time.Offset.TotalMinutes);
        BinaryPrimitives.WriteInt64LittleEndian(to[26..], t.Price);
        BinaryPrimitives.WriteInt64LittleEndian(to[34..], t.Quantity);
        BinaryPrimitives.WriteInt64LittleEndian(to[42..], t.Change);
        BinaryPrimitives.WriteInt64LittleEndian(to[50..], t.DayOpen);
        BinaryPrimitives.WriteInt64LittleEndian(to[58..], t.DayHigh);
        BinaryPrimitives.WriteInt64LittleEndian(to[66..], t.DayLow);
        BinaryPrimitives.WriteInt64LittleEndian(to[74..], lane.ArrivedAt);
    }

    private LaneTick Decode(ReadOnlySpan<byte> from)
    {
        var time = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(from[16..]), TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(from[24..])));
        var tick = new Tick(code, BinaryPrimitives.ReadInt64LittleEndian(from[8..]), time,
            Price: BinaryPrimitives.ReadInt64LittleEndian(from[26..]), Quantity: BinaryPrimitives.ReadInt64LittleEndian(from[34..]),
            Change: BinaryPrimitives.ReadInt64LittleEndian(from[42..]), DayOpen: BinaryPrimitives.ReadInt64LittleEndian(from[50..]),
            DayHigh: BinaryPrimitives.ReadInt64LittleEndian(from[58..]), DayLow: BinaryPrimitives.ReadInt64LittleEndian(from[66..]),
            CumulativeVolume: BinaryPrimitives.ReadInt64LittleEndian(from));
        return new LaneTick(tick, BinaryPrimitives.ReadInt64LittleEndian(from[74..]));
    }

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A file the OS still holds goes with the feeder's folder at stop; it is no longer read.
        }
    }

    private sealed class Segment(string path)
    {
        public string Path => path;
        public int Count { get; set; }
        public long LastVolume { get; set; }
    }
}
