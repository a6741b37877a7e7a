using System.Text;
using AgentLive.Sources;
using AgentLive.Sources.Claude;
using AgentLive.Tests.Infrastructure;

namespace AgentLive.Tests.Sources.Claude;

/// <summary>
/// Which copy of a response's usage counts, and where the cost of a model without a price comes from. The copies
/// carry different usage, so the rule's choice is visible in the totals.
/// </summary>
public sealed class ClaudeUsagePrecedenceTests : IDisposable
{
    private readonly ListLoggerFactory _logs = new();
    private readonly ClaudeSessionTracker _tracker;

    public ClaudeUsagePrecedenceTests() =>
        _tracker = new ClaudeSessionTracker(new SessionFile("/p/projects/-p/s1.jsonl", SessionFileKind.Main, "s1"), _logs.CreateLogger("test"));

    public void Dispose() => _logs.Dispose();

    private const string Prompt = """{"type":"user","message":{"role":"user","content":"Fix the bug"},"timestamp":"2026-11-24T10:00:00Z","sessionId":"s1","cwd":"/p"}""";

    /// <summary>One content line of response <c>msg_1</c>; the sidechain copy is what a side-question log replays.</summary>
    private static string Response(bool sidechain, int input, int output, string model = "claude-sonnet-4-5") =>
        $$$"""{"type":"assistant",{{{(sidechain ? "\"isSidechain\":true," : "")}}}"message":{"id":"msg_1","role":"assistant","model":"{{{model}}}","content":[{"type":"text","text":"Done."}],"stop_reason":"end_turn","usage":{"input_tokens":{{{input}}},"output_tokens":{{{output}}},"cache_read_input_tokens":0,"cache_creation_input_tokens":0}},"requestId":"{{{(sidechain ? "req_side" : "req_1")}}}","timestamp":"2026-11-24T10:00:01Z"}""";

    private const string CostState = """{"type":"cost-state","sessionId":"s1","totalCostUSD":0.0123,"timestamp":"2026-11-24T10:00:05Z"}""";

    private void Feed(params string[] lines)
    {
        foreach (string line in lines)
        {
            _tracker.OnLine(Encoding.UTF8.GetBytes(line));
        }
    }

    [Fact]
    public void A_larger_sidechain_copy_after_the_main_line_does_not_replace_it()
    {
        Feed(Prompt, Response(sidechain: false, input: 10, output: 5), Response(sidechain: true, input: 700, output: 300));

        Assert.Equal(new TokenUsage(10, 5, 0, 0, 0), _tracker.GetFacts().Tokens);
    }

    [Fact]
    public void A_main_line_after_a_larger_sidechain_copy_replaces_it()
    {
        Feed(Prompt, Response(sidechain: true, input: 700, output: 300), Response(sidechain: false, input: 10, output: 5));

        Assert.Equal(new TokenUsage(10, 5, 0, 0, 0), _tracker.GetFacts().Tokens);
    }

    [Fact]
    public void For_a_model_without_a_price_the_cost_claude_recorded_at_exit_is_the_cost()
    {
        Feed(Prompt, Response(sidechain: false, input: 10, output: 5, model: "claude-from-the-future"));
        Assert.Null(_tracker.GetFacts().CostUsd);

        Feed(CostState);
        Assert.Equal(0.0123m, _tracker.GetFacts().CostUsd);
    }

    [Fact]
    public void Usage_after_the_recorded_cost_makes_the_cost_unknown_again()
    {
        Feed(Prompt, Response(sidechain: false, input: 10, output: 5, model: "claude-from-the-future"), CostState);
        Feed(Response(sidechain: false, input: 20, output: 5, model: "claude-from-the-future").Replace("msg_1", "msg_2", StringComparison.Ordinal));

        Assert.Null(_tracker.GetFacts().CostUsd);
    }

    [Fact]
    public void For_a_priced_model_the_price_list_wins_over_the_recorded_cost()
    {
        Feed(Prompt, Response(sidechain: false, input: 1_000_000, output: 0), CostState);

        Assert.Equal(3m, _tracker.GetFacts().CostUsd);
    }
}
