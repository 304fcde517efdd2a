using System.Globalization;
using System.Text.Json;

namespace Gslts.KiwoomSim.Realtime;

/// <summary>
/// Writes Kiwoom's string-typed real-time values straight into a <see cref="Utf8JsonWriter"/> (this runs for every
/// field of every trade): field names encoded once, numbers formatted into stack buffers.
/// </summary>
internal static class RealWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly JsonEncodedText?[] Names = new JsonEncodedText?[10_100];

    /// <summary>A field id as an encoded property name ("10", "9201").</summary>
    public static JsonEncodedText Id(int id) => Names[id] ??= JsonEncodedText.Encode(id.ToString(Invariant));

    public static void Text(Utf8JsonWriter w, int id, string value) => w.WriteString(Id(id), value);

    /// <summary>A plain number: "30379732", "-1057122".</summary>
    public static void Number(Utf8JsonWriter w, int id, long value) => Write(w, id, value, null);

    /// <summary>A number with its sign spelled out: "+82", "-1057122", "0".</summary>
    public static void Signed(Utf8JsonWriter w, int id, long value) => Write(w, id, Math.Abs(value), value > 0 ? '+' : value < 0 ? '-' : null);

    /// <summary>A price signed by its direction vs the base price: "+70200", "-69800", "70000"; 0 (no price) stays "0".</summary>
    public static void Price(Utf8JsonWriter w, int id, long price, long basePrice) =>
        Write(w, id, price, price == 0 ? null : price > basePrice ? '+' : price < basePrice ? '-' : null);

    /// <summary>The change vs the base price, signed: "+1200", "-50", "0".</summary>
    public static void Change(Utf8JsonWriter w, int id, long price, long basePrice) => Signed(w, id, price == 0 ? 0 : price - basePrice);

    /// <summary>A percentage with two decimals: "98.92", with <paramref name="signed"/> a leading "+" above zero.</summary>
    public static void Percent(Utf8JsonWriter w, int id, decimal value, bool signed = false) => Percent(w, id, (double)value, signed);

    // Hundredths in integer arithmetic: this formats several values of every trade, decimal would be the slow part.
    private static void Percent(Utf8JsonWriter w, int id, double value, bool signed)
    {
        Span<byte> buffer = stackalloc byte[32];
        var hundredths = (long)Math.Round(value * 100, MidpointRounding.AwayFromZero);
        var at = 0;
        if (hundredths < 0) buffer[at++] = (byte)'-';
        else if (signed && hundredths > 0) buffer[at++] = (byte)'+';
        var magnitude = Math.Abs(hundredths);
        (magnitude / 100).TryFormat(buffer[at..], out var written, default, Invariant);
        at += written;
        buffer[at++] = (byte)'.';
        buffer[at++] = (byte)('0' + magnitude % 100 / 10);
        buffer[at++] = (byte)('0' + magnitude % 10);
        w.WriteString(Id(id), buffer[..at]);
    }

    /// <summary>The change rate vs the base price: "+1.71", "-0.14", "0.00".</summary>
    public static void Rate(Utf8JsonWriter w, int id, long price, long basePrice) =>
        Percent(w, id, price == 0 || basePrice == 0 ? 0 : (price - basePrice) * 100d / basePrice, signed: true);

    /// <summary><paramref name="part"/> over <paramref name="whole"/> in percent, "0.00" when the whole is 0.</summary>
    public static void Ratio(Utf8JsonWriter w, int id, long part, long whole) => Percent(w, id, whole == 0 ? 0 : part * 100d / whole, false);

    public static void Time(Utf8JsonWriter w, int id, TimeOnly? time)
    {
        Span<byte> buffer = stackalloc byte[6];
        if (time is { } t)
        {
            Two(buffer, 0, t.Hour);
            Two(buffer, 2, t.Minute);
            Two(buffer, 4, t.Second);
        }
        else
        {
            buffer.Fill((byte)'0');
        }

        w.WriteString(Id(id), buffer);
    }

    private static void Two(Span<byte> buffer, int at, int value)
    {
        buffer[at] = (byte)('0' + value / 10);
        buffer[at + 1] = (byte)('0' + value % 10);
    }

    private static void Write(Utf8JsonWriter w, int id, long value, char? sign)
    {
        Span<byte> buffer = stackalloc byte[24];
        var start = 0;
        if (sign is { } s && value != 0) buffer[start++] = (byte)s;
        value.TryFormat(buffer[start..], out var written, default, Invariant);
        w.WriteString(Id(id), buffer[..(start + written)]);
    }
}
