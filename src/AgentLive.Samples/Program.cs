using AgentLive.Samples.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The commands stop on this token and return their own exit code (watch: 0) rather than the process dying mid-line.
    e.Cancel = true;
    cancel.Cancel();
};

return await HostCommandLine.InvokeAsync(args, Console.Out, Console.Error, cancel.Token);
