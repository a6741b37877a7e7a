using System.CommandLine;

namespace AgentLive.Samples.Cli;

/// <summary>Runs a command's body with the host's conventions: Ctrl-C ends it with exit 0, an I/O failure is one line and exit 1.</summary>
internal static class HostAction
{
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> run) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await run(parse, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"agentlive: {e.Message}");
                return ExitCodes.Failed;
            }
        });

    /// <summary>
    /// Runs a command that monitors: reads the shared options, checks the roots (a missing one is waited for, or only
    /// warned about, as <paramref name="waitsForRoots"/> says), and hands the body a monitor it disposes afterwards.
    /// </summary>
    public static void SetMonitored(
        Command command,
        SharedOptions shared,
        bool waitsForRoots,
        Func<SessionMonitor, ParseResult, CancellationToken, Task<int>> run) =>
        Set(command, async (parse, cancellationToken) =>
        {
            HostOptions host = shared.Read(parse);
            if (await RootCheck.CheckAsync(host, waitsForRoots, Console.Error) is { } exit)
            {
                return exit;
            }

            await using SessionMonitor monitor = SessionMonitor.Create(MonitorFactory.Options(host));
            return await run(monitor, parse, cancellationToken);
        });
}
