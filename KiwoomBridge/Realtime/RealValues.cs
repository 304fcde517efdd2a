using System.Text;
using System.Text.Json;

namespace Gslts.KiwoomBridge.Realtime;

/// <summary>
/// One real-time item's <c>values</c> object read from the frame's UTF-8 bytes: field id → its raw text, looked up
/// without building a document or a string per field (this runs for every trade). Not thread-safe: one per reader.
/// </summary>
public sealed class RealValues
{
    // Kiwoom's real-time field ids are numbers of up to four digits ("10", "228", "9203").
    private const int MaxId = 10_000;

    private readonly int[] slotOf = new int[MaxId];
    private readonly List<int> present = [];
    private byte[] text = new byte[1_024];
    private (int Start, int Length)[] slots = new (int, int)[128];
    private int used;
    private int count;

    /// <summary>Reads a values object (for tests and rare paths).</summary>
    public static RealValues Of(string json)
    {
        var values = new RealValues();
        if (!values.Read(Encoding.UTF8.GetBytes(json))) throw new ArgumentException("not a JSON object", nameof(json));
        return values;
    }

    /// <summary>Takes the fields of <paramref name="json"/>, an object of id → string; false when it is not an object.</summary>
    public bool Read(ReadOnlySpan<byte> json)
    {
        Clear();
        if (json.IsEmpty) return false;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var id = Id(ref reader);
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            if (id is > 0 and < MaxId && reader.TokenType is JsonTokenType.String or JsonTokenType.Number) Keep(id, ref reader);
        }

        return true;
    }

    /// <summary>The signed value of a numeric field ("+70200", "-000150", "0001234567"), or null when missing or not a number.</summary>
    public long? Signed(int id)
    {
        // Account messages pad some numbers with spaces.
        var value = Raw(id).Trim((byte)' ');
        if (value.IsEmpty) return null;
        var negative = value[0] == '-';
        if (value[0] is (byte)'-' or (byte)'+') value = value[1..];
        if (value.IsEmpty || value.Length > 18) return null;
        long n = 0;
        foreach (var b in value)
        {
            if (b is < (byte)'0' or > (byte)'9') return null;
            n = n * 10 + (b - '0');
        }

        return negative ? -n : n;
    }

    /// <summary>A price field: the sign only tells the direction vs the base price, so it is dropped.</summary>
    public long? Price(int id) => Signed(id) is { } n ? Math.Abs(n) : null;

    /// <summary>An HHMMSS time of day (KST).</summary>
    public TimeOnly? Time(int id)
    {
        var value = Raw(id);
        if (value.Length != 6) return null;
        foreach (var b in value)
        {
            if (b is < (byte)'0' or > (byte)'9') return null;
        }

        var (hour, minute, second) = (Two(value, 0), Two(value, 2), Two(value, 4));
        return hour < 24 && minute < 60 && second < 60 ? new TimeOnly(hour, minute, second) : null;
    }

    private static int Two(ReadOnlySpan<byte> digits, int at) => (digits[at] - '0') * 10 + digits[at + 1] - '0';

    /// <summary>A field as text ("" when missing).</summary>
    public string Text(int id) => Encoding.UTF8.GetString(Raw(id));

    private ReadOnlySpan<byte> Raw(int id)
    {
        if (id is <= 0 or >= MaxId || slotOf[id] == 0) return default;
        var (start, length) = slots[slotOf[id] - 1];
        return text.AsSpan(start, length);
    }

    private static int Id(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.ValueSpan.Length is 0 or > 4) return 0;
        var id = 0;
        foreach (var b in reader.ValueSpan)
        {
            if (b is < (byte)'0' or > (byte)'9') return 0;
            id = id * 10 + (b - '0');
        }

        return id;
    }

    private void Keep(int id, ref Utf8JsonReader reader)
    {
        var length = reader.ValueSpan.Length;
        if (used + length > text.Length) Array.Resize(ref text, Math.Max(text.Length * 2, used + length));
        // Escaped text (legal JSON, if odd for numbers) is unescaped into place; it is never longer than its source.
        var written = reader.ValueIsEscaped ? reader.CopyString(text.AsSpan(used)) : Copy(reader.ValueSpan, text.AsSpan(used));
        if (slotOf[id] == 0)
        {
            if (count == slots.Length) Array.Resize(ref slots, count * 2);
            slotOf[id] = ++count;
            present.Add(id);
        }

        slots[slotOf[id] - 1] = (used, written);
        used += written;
    }

    private static int Copy(ReadOnlySpan<byte> from, Span<byte> to)
    {
        from.CopyTo(to);
        return from.Length;
    }

    private void Clear()
    {
        foreach (var id in present) slotOf[id] = 0;
        present.Clear();
        (used, count) = (0, 0);
    }
}
