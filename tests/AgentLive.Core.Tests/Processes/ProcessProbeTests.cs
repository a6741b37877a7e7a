using AgentLive.Processes;
using AgentLive.Tests.Infrastructure;

namespace AgentLive.Tests.Processes;

public sealed class ProcessProbeTests
{
    [Theory]
    [InlineData("30167 (claude) S 30160 30167 30160 34816 30167 4194304 1 2 3 4 5 6 7 8 20 0 9 0 251491 1000 100", 251491UL)]
    [InlineData("42 (a (weird) name) R 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 777 9", 777UL)]
    public void The_start_time_is_field_22_whatever_the_command_name(string stat, ulong expected)
    {
        Assert.True(ProcessProbe.TryParseStartTime(stat, out ulong ticks));
        Assert.Equal(expected, ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("42 (x) R 1 2")]
    public void A_short_or_odd_stat_line_gives_no_start_time(string stat) =>
        Assert.False(ProcessProbe.TryParseStartTime(stat, out _));

    [Theory]
    [InlineData("42 (node) Z 1 42 42 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 3456789 0 0", true)]
    [InlineData("42 (a) b) X 1 42 42 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 3456789 0 0", true)]
    [InlineData("42 (Z) S 1 42 42 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 3456789 0 0", false)]
    [InlineData("42 (node) R 1 42 42 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 3456789 0 0", false)]
    public void A_zombie_or_dead_process_has_exited(string stat, bool exited) =>
        Assert.Equal(exited, ProcessProbe.HasExited(stat));
}
