using System.Text;
using System.Text.Json;

namespace Gslts.KiwoomBridge.Realtime;

/// <summary>
/// Reads Kiwoom's real-time frames straight from their UTF-8 bytes:
/// <c>{"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"005930","values":{...}}, ...]}</c>, item by item,
/// without a document, a UTF-16 copy or a string per field. Not thread-safe: one per connection's receive loop.
/// </summary>
public sealed class RealFrameReader
{
    // Codes and types repeat all day: their strings are made once. Bounded, so garbage items cannot grow it forever.
    private const int MaxInterned = 20_000;

    private readonly RealValues values = new();
    private readonly Dictionary<string, string> interned = [];
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public RealFrameReader() => lookup = interned.GetAlternateLookup<ReadOnlySpan<char>>();

    public delegate void ItemHandler(string type, string? item, RealValues values);

    /// <summary>The frame's <c>trnm</c> ("REAL", "PING", "LOGIN", ...), or null when it has none. Throws <see cref="JsonException"/> when it is not JSON.</summary>
    public string? Trnm(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isTrnm = reader.ValueTextEquals("trnm"u8);
            reader.Read();
            if (isTrnm) return reader.TokenType == JsonTokenType.String ? Intern(ref reader) : null;
            reader.Skip();
        }

        return null;
    }

    /// <summary>
    /// Hands each item of a REAL frame's <c>data</c> to <paramref name="onItem"/> (with its values, valid during the call).
    /// Returns how many items were malformed (not objects or without a type). Throws <see cref="JsonException"/> where the
    /// frame stops being JSON; the items before that point have been handed on.
    /// </summary>
    public int ReadItems(ReadOnlySpan<byte> frame, ItemHandler onItem)
    {
        var malformed = 0;
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isData = reader.ValueTextEquals("data"u8);
            reader.Read();
            if (!isData || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    malformed++;
                    continue;
                }

                if (!ReadItem(ref reader, frame, onItem)) malformed++;
            }
        }

        return malformed;
    }

    private bool ReadItem(ref Utf8JsonReader reader, ReadOnlySpan<byte> frame, ItemHandler onItem)
    {
        string? type = null, item = null;
        (long Start, long End) found = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueTextEquals("type"u8) ? 1 : reader.ValueTextEquals("item"u8) ? 2 : reader.ValueTextEquals("values"u8) ? 3 : 0;
            reader.Read();
            switch (name)
            {
                case 1 when reader.TokenType == JsonTokenType.String:
                    type = Intern(ref reader);
                    break;
                case 2 when reader.TokenType == JsonTokenType.String:
                    item = Intern(ref reader);
                    break;
                case 3:
                    // The values may come before the type: kept as a slice and read once the item is complete.
                    var start = reader.TokenStartIndex;
                    reader.Skip();
                    found = (start, reader.BytesConsumed);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (type is null) return false;
        values.Read(found.End > found.Start ? frame[(int)found.Start..(int)found.End] : default);
        onItem(type, item, values);
        return true;
    }

    private string Intern(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.ValueSpan.Length > 32) return reader.GetString()!;
        Span<char> chars = stackalloc char[32];
        var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        if (lookup.TryGetValue(chars[..length], out var known)) return known;
        var text = new string(chars[..length]);
        if (interned.Count < MaxInterned) interned[text] = text;
        return text;
    }
}
