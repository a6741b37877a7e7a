namespace AgentLive.Samples.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void No_arguments_is_the_live_view_with_the_defaults()
    {
        (HostOptions? options, string? error) = CommandLine.Parse([]);

        Assert.Null(error);
        Assert.Equal("live", options!.Command);
        Assert.Equal(TimeSpan.FromHours(24), options.LookBack);
        Assert.Null(options.ClaudeRoot);
    }

    [Fact]
    public void Options_are_read_whatever_their_order()
    {
        (HostOptions? options, _) = CommandLine.Parse(["messages", "claude:x", "--only", "claude", "--json", "--lookback", "90m", "--claude-root", "/tmp/c", "--no-processes"]);

        Assert.Equal("messages", options!.Command);
        Assert.Equal("claude:x", options.SessionId);
        Assert.Equal("claude", options.Only);
        Assert.True(options.Json);
        Assert.True(options.NoProcesses);
        Assert.Equal(TimeSpan.FromMinutes(90), options.LookBack);
        Assert.Equal("/tmp/c", options.ClaudeRoot);
    }

    [Theory]
    [InlineData("24h", 24 * 60)]
    [InlineData("2d", 2 * 24 * 60)]
    [InlineData("45m", 45)]
    [InlineData("01:30:00", 90)]
    public void Durations_take_a_unit_or_a_time_span(string text, int minutes)
    {
        Assert.True(CommandLine.TryParseDuration(text, out TimeSpan duration));
        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
    }

    [Fact]
    public void A_stop_without_an_id_is_an_error()
    {
        (HostOptions? options, string? error) = CommandLine.Parse(["stop"]);

        Assert.Null(options);
        Assert.Contains("session id", error, StringComparison.Ordinal);
    }
}
