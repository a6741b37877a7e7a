using AgentLive.Samples;
using AgentLive.Samples.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The commands stop on this token and return their own exit code (watch: 0) rather than the process dying mid-line.
    e.Cancel = true;
    cancel.Cancel();
};

int exitCode = await HostCommandLine.InvokeAsync(args, Console.Out, Console.Error, cancel.Token);

// The console logger writes from a queue of its own: flush it before the process ends.
HostLogging.Shutdown();
return exitCode;
