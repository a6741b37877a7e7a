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
}
