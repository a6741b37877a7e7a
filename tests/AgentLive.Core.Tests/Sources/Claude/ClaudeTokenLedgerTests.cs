using System.Text;
using AgentLive.Sources;
using AgentLive.Sources.Claude;
using AgentLive.Tests.Infrastructure;

namespace AgentLive.Tests.Sources.Claude;

/// <summary>
/// What the usage ledger keeps does not grow with the transcript, and bounding it changes no count: copies of a
/// response count once whether they come while it is in the window or after it left (main chain or sidechain).
/// </summary>
public sealed class ClaudeTokenLedgerTests
{
    private const string Model = "claude-sonnet-4-5";

    private static TokenUsage Usage(int input) => new(input, 1, 0, 0, 0);

    [Fact]
    public void A_ledger_fed_many_responses_keeps_a_bounded_number_of_them_and_counts_each_once()
    {
        var ledger = new ClaudeTokenLedger();
        const int Responses = 5 * ClaudeTokenLedger.Remembered;
        for (int i = 0; i < Responses; i++)
        {
            // Two adjacent copies of each, as Claude Code writes a response with two content blocks.
            ledger.Add($"msg_{i}", isSidechain: false, Model, Usage(10));
            ledger.Add($"msg_{i}", isSidechain: false, Model, Usage(10));
        }

        Assert.Equal(new TokenUsage(10L * Responses, Responses, 0, 0, 0), ledger.Total);
        Assert.Equal(ClaudeTokenLedger.Window, ledger.RecentCount);
        Assert.Equal(ClaudeTokenLedger.Remembered, ledger.RememberedCount);
    }

    [Fact]
    public void Within_the_window_the_larger_main_chain_copy_replaces_the_kept_one()
    {
        var ledger = new ClaudeTokenLedger();
        ledger.Add("msg_a", isSidechain: false, Model, Usage(10));
        for (int i = 0; i < ClaudeTokenLedger.Window - 1; i++)
        {
            ledger.Add($"msg_{i}", isSidechain: false, Model, Usage(1));
        }

        ledger.Add("msg_a", isSidechain: false, Model, Usage(50));
        ledger.Add("msg_a", isSidechain: true, Model, Usage(900));

        Assert.Equal(50 + ClaudeTokenLedger.Window - 1, ledger.Total.Input);
        Assert.Equal(ledger.Total, ledger.ByModel[Model]);
    }

    [Fact]
    public void A_sidechain_replay_of_a_response_that_left_the_window_counts_nothing()
    {
        var ledger = new ClaudeTokenLedger();
        ledger.Add("msg_parent", isSidechain: false, Model, Usage(10));
        for (int i = 0; i < ClaudeTokenLedger.Window * 10; i++)
        {
            ledger.Add($"msg_{i}", isSidechain: false, Model, Usage(1));
        }

        Assert.False(ledger.Add("msg_parent", isSidechain: true, Model, Usage(10)));
        Assert.True(ledger.Add("msg_side_answer", isSidechain: true, Model, Usage(7)));

        Assert.Equal(10 + (ClaudeTokenLedger.Window * 10) + 7, ledger.Total.Input);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_main_chain_copy_of_a_response_that_left_the_window_counts_nothing_more(bool firstOnSidechain)
    {
        var ledger = new ClaudeTokenLedger();
        ledger.Add("msg_a", firstOnSidechain, Model, Usage(10));
        for (int i = 0; i < ClaudeTokenLedger.Window + 4; i++)
        {
            ledger.Add($"msg_{i}", isSidechain: false, Model, Usage(1));
        }

        Assert.False(ledger.Add("msg_a", isSidechain: false, Model, Usage(10)));
        Assert.Equal(10 + ClaudeTokenLedger.Window + 4, ledger.Total.Input);
    }

    [Fact]
    public void A_tracker_fed_a_long_session_keeps_its_ledger_bounded()
    {
        using var logs = new ListLoggerFactory();
        var tracker = new ClaudeSessionTracker(new SessionFile("/p/projects/-p/s1.jsonl", SessionFileKind.Main, "s1"), logs.CreateLogger("test"));
        const int Responses = 3 * ClaudeTokenLedger.Remembered;
        for (int i = 0; i < Responses; i++)
        {
            string line = $$$"""{"type":"assistant","message":{"id":"msg_{{{i}}}","role":"assistant","model":"{{{Model}}}","content":[{"type":"text","text":"Done."}],"stop_reason":"end_turn","usage":{"input_tokens":2,"output_tokens":1,"cache_read_input_tokens":0,"cache_creation_input_tokens":0}},"requestId":"req_{{{i}}}","timestamp":"2026-11-24T10:00:01Z"}""";
            tracker.OnLine(Encoding.UTF8.GetBytes(line));
            tracker.OnLine(Encoding.UTF8.GetBytes(line));
        }

        Assert.Equal(new TokenUsage(2L * Responses, Responses, 0, 0, 0), tracker.GetFacts().Tokens);
        Assert.Equal(ClaudeTokenLedger.Window, tracker.Tokens.RecentCount);
        Assert.Equal(ClaudeTokenLedger.Remembered, tracker.Tokens.RememberedCount);
    }
}
