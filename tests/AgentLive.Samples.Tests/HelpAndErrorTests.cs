namespace AgentLive.Samples.Tests;

/// <summary>What a user sees of the command line, from the real process: help for every command, errors that name the problem.</summary>
public sealed class HelpAndErrorTests
{
    [Fact]
    public async Task Help_lists_every_command_and_the_shared_options()
    {
        (int code, string output, string error) = await HostProcess.RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("agentlive [command] [options]", output, StringComparison.Ordinal);
        foreach (string item in (string[])["live", "demo", "snapshot", "watch", "messages <id>", "stop <id>", "--claude-root <DIR>", "--notify", "--no-demo"])
        {
            Assert.Contains($"  {item} ", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("live", "--no-demo")]
    [InlineData("demo", "--speed <N>")]
    [InlineData("snapshot", "--json")]
    [InlineData("watch", "--json")]
    [InlineData("messages", "<id>")]
    [InlineData("stop", "<id>")]
    public async Task Every_command_has_help_of_its_own(string command, string ownOption)
    {
        (int code, string output, _) = await HostProcess.RunAsync(command, "--help");

        Assert.Equal(0, code);
        Assert.Contains($"agentlive {command}", output, StringComparison.Ordinal);
        Assert.Contains(ownOption, output, StringComparison.Ordinal);
        if (command != "demo")
        {
            Assert.Contains("--codex-root <DIR>", output, StringComparison.Ordinal);
            Assert.Contains("--lookback <DURATION>", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Watch_help_shows_its_options_even_without_the_json_it_requires()
    {
        (int code, string output, string error) = await HostProcess.RunAsync("watch", "--help");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("agentlive watch [options]", output, StringComparison.Ordinal);
        Assert.Contains("--json", output, StringComparison.Ordinal);
        Assert.Contains("--only <claude|codex>", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'--frobnicate'", "--frobnicate")]
    [InlineData("add --json", "snapshot")]
    [InlineData("--lookback", "--lookback", "soon")]
    [InlineData("--only takes claude or codex, not 'gemini'", "--only", "gemini")]
    [InlineData("'teleport'", "teleport")]
    [InlineData("--speed", "demo", "--speed", "fast")]
    [InlineData("'id'", "stop")]
    [InlineData("'--bogus'", "watch", "--json", "--bogus")]
    public async Task A_bad_command_line_is_one_line_naming_the_problem_and_exit_2(string named, params string[] args)
    {
        (int code, string output, string error) = await HostProcess.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        string line = Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("agentlive: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.EndsWith("--help')", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
