using System.Diagnostics;
using System.Text.Json;

namespace AgentLive.Samples.Tests;

/// <summary>Runs the sample host as a real process, as a script would.</summary>
internal sealed class HostProcess : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private HostProcess(Process process) => _process = process;

    public static string HostDll => Path.Combine(AppContext.BaseDirectory, "agentlive.dll");

    /// <summary>The real-client transcripts, laid out as ~/.claude and ~/.codex, their lines moved to two hours ago.</summary>
    public static string ClaudeRoot => RecentRoots.Claude;

    public static string CodexRoot => RecentRoots.Codex;

    public StreamWriter Input => _process.StandardInput;

    public StreamReader Output => _process.StandardOutput;

    public StreamReader Error => _process.StandardError;

    public static HostProcess Start(params string[] args) => Start(asNobody: false, args);

    /// <summary>
    /// Starts the host; with <paramref name="asNobody"/> as the unprivileged user <c>nobody</c> (through
    /// <c>setpriv</c>), for what permissions do to an ordinary user where the tests run as root.
    /// </summary>
    public static HostProcess Start(bool asNobody, params string[] args)
    {
        var start = new ProcessStartInfo(asNobody ? "setpriv" : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asNobody)
        {
            foreach (string arg in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet"])
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["HOME"] = Path.GetTempPath();
            start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        }

        start.ArgumentList.Add(HostDll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new HostProcess(Process.Start(start)!);
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using HostProcess host = Start(args);
        host.Input.Close();
        Task<string> output = host._process.StandardOutput.ReadToEndAsync();
        Task<string> error = host._process.StandardError.ReadToEndAsync();
        int code = await host.WaitForExitAsync();
        return (code, await output, await error);
    }

    /// <summary>Reads the next line of <c>--json</c> output as one event (bounded wait); fails when the output ends.</summary>
    public async Task<JsonElement> NextEventAsync()
    {
        string? line = await Output.ReadLineAsync().WaitAsync(Patience);
        Assert.NotNull(line);
        using JsonDocument json = JsonDocument.Parse(line);
        return json.RootElement.Clone();
    }

    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(Patience);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
