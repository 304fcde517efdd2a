using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>JSON as Kiwoom writes it: UTF-8 text with Korean and '+' left as they are, not \u escapes.</summary>
public static class KiwoomJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode node) => node.ToJsonString(Options);
}
