namespace AgentLive.Samples.Tests.Alerts;

/// <summary><c>--notify</c> from the real process: the demo's replayed sessions come to need the user while it runs.</summary>
public sealed class NotifyTests
{
    [Fact]
    public async Task The_demo_rings_the_bell_with_notify_and_never_without()
    {
        // Fast enough to keep the test short, slow enough that the sessions start after the table opens.
        Task<(int, string, string)> notifying = HostProcess.RunAsync("demo", "--speed", "50", "--notify");
        Task<(int, string, string)> quiet = HostProcess.RunAsync("demo", "--speed", "50");

        (int code, string output, _) = await notifying;
        (int quietCode, string quietOutput, _) = await quiet;

        Assert.Equal(0, code);
        Assert.Equal(0, quietCode);
        Assert.Contains("demo: replaying", output, StringComparison.Ordinal);
        Assert.Contains('\a', output);
        Assert.DoesNotContain('\a', quietOutput);
    }
}
