using System.Text.Json;
using Gslts.KiwoomSim.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Gslts.KiwoomSim.Tests.Spec;

/// <summary>
/// Each api-id the sim serves answers every field Kiwoom's published REST spec declares for it, in the body and in every
/// row of its lists. Spec/&lt;api-id&gt;.txt holds the spec's response field names, one a line: "name" for a body field,
/// "list.name" for a field of the rows of list "list".
/// </summary>
public sealed class SpecFieldTests(SpecScenario scenario) : IClassFixture<SpecScenario>
{
    // Lists a cash-only KRW mock account has nothing to put in (foreign-currency deposits), so their rows cannot be checked.
    private static readonly HashSet<string> EmptyByNature = ["kt00001/stk_entr_prst"];

    private static string SpecFolder => Path.Combine(AppContext.BaseDirectory, "Spec");

    public static TheoryData<string> ApiIds()
    {
        var ids = new TheoryData<string>();
        foreach (var id in SpecIds()) ids.Add(id);
        return ids;
    }

    private static IEnumerable<string> SpecIds() =>
        Directory.GetFiles(SpecFolder, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(ApiIds))]
    public void The_answer_carries_every_field_the_spec_declares_in_its_body_and_rows(string apiId)
    {
        var answer = scenario.Answers[apiId];
        var spec = File.ReadAllLines(Path.Combine(SpecFolder, apiId + ".txt")).Where(l => l.Length > 0).ToList();
        var missing = new List<string>();

        Assert.True(answer.GetProperty("return_code").GetInt32() == 0, $"{apiId} failed: {answer}");
        foreach (var field in spec.Where(f => !f.Contains('.')))
        {
            if (!answer.TryGetProperty(field, out _)) missing.Add(field);
        }

        foreach (var list in spec.Where(f => f.Contains('.')).GroupBy(f => f[..f.IndexOf('.')]))
        {
            if (!answer.TryGetProperty(list.Key, out var rows) || rows.ValueKind != JsonValueKind.Array) continue;
            if (rows.GetArrayLength() == 0)
            {
                Assert.True(EmptyByNature.Contains($"{apiId}/{list.Key}"), $"{apiId}'s {list.Key} has no rows, so its row fields are unchecked");
                continue;
            }

            foreach (var field in list.Select(f => f[(f.IndexOf('.') + 1)..]))
            {
                var lacking = rows.EnumerateArray().Count(row => !row.TryGetProperty(field, out _));
                if (lacking > 0) missing.Add($"{list.Key}[].{field} ({lacking} of {rows.GetArrayLength()} rows)");
            }
        }

        Assert.True(missing.Count == 0, $"{apiId} lacks {missing.Count} spec field(s): {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_api_id_the_sim_serves_has_its_spec_field_list()
    {
        var served = scenario.Sim.Host.Services.GetRequiredService<SimRest>().Operations.Select(op => op.ApiId).Order(StringComparer.Ordinal);

        Assert.Equal(served, SpecIds());
    }

    [Fact]
    public void Every_spec_value_is_a_string_as_Kiwoom_sends_numbers()
    {
        var notText = scenario.Answers.SelectMany(a => Values(a.Key, a.Value)).Where(v => v.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Array))
            .Select(v => v.Path).ToList();

        Assert.True(notText.Count == 0, $"not strings: {string.Join(", ", notText)}");
    }

    private static IEnumerable<(string Path, JsonElement Value)> Values(string apiId, JsonElement body) =>
        body.EnumerateObject().Where(p => p.Name is not ("return_code" or "return_msg")).SelectMany(p => p.Value.ValueKind == JsonValueKind.Array
            ? p.Value.EnumerateArray().SelectMany(row => row.EnumerateObject().Select(f => ($"{apiId}.{p.Name}.{f.Name}", f.Value)))
            : [($"{apiId}.{p.Name}", p.Value)]);
}
