using AgentLive;
using AgentLive.Samples;
using AgentLive.Samples.Commands;
using Spectre.Console;

(HostOptions? host, string? error) = CommandLine.Parse(args);
if (host is null)
{
    await Console.Error.WriteLineAsync($"agentlive: {error} (see --help)");
    return ExitCodes.BadUsage;
}

if (host.Command == "help")
{
    Console.WriteLine(CommandLine.Usage);
    return ExitCodes.Ok;
}

foreach ((string option, string? root) in (ReadOnlySpan<(string, string?)>)[("--claude-root", host.ClaudeRoot), ("--codex-root", host.CodexRoot)])
{
    if (root is not null && CommandLine.CheckRoot(root) is { } problem)
    {
        await Console.Error.WriteLineAsync($"agentlive: {option} {root}: {problem}");
        return ExitCodes.BadUsage;
    }
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    if (host.Command == "demo")
    {
        return await DemoCommand.RunAsync(host, AnsiConsole.Console, cancel.Token);
    }

    SessionMonitorOptions options = MonitorFactory.Options(host);
    if (host.Command == "live" && !host.NoDemo && !MonitorFactory.AnyRootExists(options))
    {
        Console.WriteLine("No Claude Code or Codex sessions on this machine (no ~/.claude or ~/.codex): showing a demo of recorded sessions instead.");
        return await DemoCommand.RunAsync(host, AnsiConsole.Console, cancel.Token);
    }

    await using SessionMonitor monitor = SessionMonitor.Create(options);
    return host.Command switch
    {
        "snapshot" => await JsonCommands.SnapshotAsync(monitor, Console.Out, cancel.Token),
        "watch" => await JsonCommands.WatchAsync(monitor, Console.Out, Console.In, cancel.Token),
        "messages" => await JsonCommands.MessagesAsync(monitor, host.SessionId!, Console.Out, Console.Error, cancel.Token),
        "stop" => await StopCommand.RunAsync(monitor, host.SessionId!, Console.Out, Console.Error, cancel.Token),
        _ => await LiveCommand.RunAsync(monitor, AnsiConsole.Console, cancel.Token),
    };
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    return ExitCodes.Ok;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"agentlive: {e.Message}");
    return ExitCodes.Failed;
}
