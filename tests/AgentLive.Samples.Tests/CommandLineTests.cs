using System.CommandLine;
using AgentLive.Samples.Cli;

namespace AgentLive.Samples.Tests;

/// <summary>The command line's grammar, parsed in process; what a user sees of it is in <see cref="HelpAndErrorTests"/>.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void No_arguments_is_the_live_view_with_the_defaults()
    {
        (ParseResult parse, HostOptions options) = Parse();

        Assert.Empty(parse.Errors);
        Assert.IsType<RootCommand>(parse.CommandResult.Command);
        Assert.Equal(TimeSpan.FromHours(24), options.LookBack);
        Assert.Null(options.ClaudeRoot);
        Assert.False(options.Notify);
    }

    [Fact]
    public void Options_are_read_whatever_their_order()
    {
        (ParseResult parse, HostOptions options) = Parse("messages", "--only", "claude", "--json", "claude:x", "--lookback", "90m", "--claude-root", "/tmp/c", "--no-processes");

        Assert.Empty(parse.Errors);
        Assert.Equal("messages", parse.CommandResult.Command.Name);
        Assert.Equal("claude:x", parse.GetValue<string>("id"));
        Assert.Equal("claude", options.Only);
        Assert.True(options.NoProcesses);
        Assert.Equal(TimeSpan.FromMinutes(90), options.LookBack);
        Assert.Equal(Path.GetFullPath("/tmp/c"), options.ClaudeRoot);
    }

    [Fact]
    public void The_posix_forms_of_an_option_value_are_accepted()
    {
        (ParseResult parse, HostOptions options) = Parse("watch", "--json", "--lookback=2d", "--only:codex");

        Assert.Empty(parse.Errors);
        Assert.Equal(TimeSpan.FromDays(2), options.LookBack);
        Assert.Equal("codex", options.Only);
    }

    [Theory]
    [InlineData("24h", 24 * 60)]
    [InlineData("2d", 2 * 24 * 60)]
    [InlineData("45m", 45)]
    [InlineData("01:30:00", 90)]
    public void Durations_take_a_unit_or_a_time_span(string text, int minutes)
    {
        Assert.True(Duration.TryParse(text, out TimeSpan duration));
        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
    }

    [Theory]
    [InlineData("0h")]
    [InlineData("-1d")]
    [InlineData("soon")]
    [InlineData("")]
    public void A_duration_that_is_not_one_is_refused(string text) => Assert.False(Duration.TryParse(text, out _));

    [Fact]
    public void A_stop_without_an_id_is_an_error_that_names_the_argument()
    {
        (ParseResult parse, _) = Parse("stop");

        Assert.Contains(parse.Errors, e => e.Message.Contains("'id'", StringComparison.Ordinal));
    }

    private static (ParseResult Parse, HostOptions Options) Parse(params string[] args)
    {
        var shared = new SharedOptions();
        ParseResult parse = HostCommandLine.Create(shared).Parse(args);
        return (parse, shared.Read(parse));
    }
}
