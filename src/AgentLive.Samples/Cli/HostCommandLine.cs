using System.CommandLine;
using System.CommandLine.Parsing;
using AgentLive.Samples.Commands;

namespace AgentLive.Samples.Cli;

/// <summary>
/// The host's command line: <c>agentlive [command] [options]</c>, on System.CommandLine. With no command it is the
/// live table. A bad command line is one line per problem on standard error and exit 2, never an exception.
/// </summary>
internal static class HostCommandLine
{
    /// <summary>Every command; a new one is a file under Commands/ and one line here.</summary>
    public static RootCommand Create(SharedOptions shared)
    {
        var root = new RootCommand("Watches the AI coding agents (Claude Code, Codex CLI) running on this machine. With no command: the live table.");
        LiveCommand.Configure(root, shared);
        root.Add(LiveCommand.Create(shared));
        root.Add(DemoCommand.Create(shared));
        root.Add(SnapshotCommand.Create(shared));
        root.Add(WatchCommand.Create(shared));
        root.Add(MessagesCommand.Create(shared));
        root.Add(StopCommand.Create(shared));
        return root;
    }

    public static ParseResult Parse(IReadOnlyList<string> args) => Create(new SharedOptions()).Parse(args);

    public static async Task<int> InvokeAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ParseResult parse = Parse(args);
        // --help (and --version) answer even when the rest of the line is wrong, as their action clears parse errors.
        if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
        {
            foreach (ParseError problem in parse.Errors)
            {
                await error.WriteLineAsync($"agentlive: {Describe(problem)} (see '{CommandPath(parse.CommandResult)} --help')");
            }

            return ExitCodes.BadUsage;
        }

        // Ctrl-C is the caller's token: the commands stop cleanly and keep their own exit codes.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>The parser's message on one line, naming the option it is about when the message does not already.</summary>
    private static string Describe(ParseError problem)
    {
        string message = string.Join(' ', problem.Message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
        return problem.SymbolResult is OptionResult option && !message.Contains(option.Option.Name, StringComparison.Ordinal)
            ? $"{option.Option.Name}: {message}"
            : message;
    }

    private static string CommandPath(CommandResult result) =>
        result.Parent is CommandResult parent ? $"{CommandPath(parent)} {result.Command.Name}" : "agentlive";
}
