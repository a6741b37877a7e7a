using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AgentLive.Package.Tests;

/// <summary>
/// A local feed holding every package this repository ships, packed once for all the tests that install from it.
/// The projects are packed with <c>--no-build</c>: this test project's build builds them first (see its csproj).
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    /// <summary>How long one <c>dotnet</c> step may take on a busy machine: the Native AOT pack of the tool is the longest.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    /// <summary>The version every package of this repository carries (Directory.Build.props).</summary>
    public const string Version = "0.1.0";

    private static readonly string[] Projects =
    [
        "src/AgentLive.Core/AgentLive.Core.csproj",
        "src/AgentLive.Hosting/AgentLive.Hosting.csproj",
        Tool,
    ];

    /// <summary>The tool: its pointer package is packed like the others, its runtime packages below.</summary>
    private const string Tool = "src/AgentLive.Samples/AgentLive.Samples.csproj";

    /// <summary>A temporary directory for the feed and whatever the tests install from it.</summary>
    public string Work { get; } = Directory.CreateTempSubdirectory("agentlive-packages-").FullName;

    public string Feed => Path.Combine(Work, "feed");

    public string Repository { get; } = FindRepository();

    /// <summary>The configuration this test assembly was built in; the packed projects were built in the same one.</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public async Task InitializeAsync()
    {
        foreach (string project in Projects)
        {
            await RunDotnetAsync(Repository, null, "pack", Path.Combine(Repository, project), "-c", Configuration, "--no-build", "-o", Feed);
        }

        // The tool's pointer package names a Native AOT package for linux-x64 and a framework-dependent one for the
        // rest (`any`), packed the way a release packs them: the native one only where it can be compiled.
        string tool = Path.Combine(Repository, Tool);
        await RunDotnetAsync(Repository, null, "pack", tool, "-c", Configuration, "-r", "any", "-p:PublishAot=false", "-o", Feed);
        if (RuntimeInformation.RuntimeIdentifier == "linux-x64")
        {
            await RunDotnetAsync(Repository, null, "pack", tool, "-c", Configuration, "-r", "linux-x64", "-o", Feed);
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs <c>dotnet</c> and fails the test with its output when it fails.</summary>
    public static async Task<string> RunDotnetAsync(string directory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        await RunAsync("dotnet", directory, environment, args);

    /// <summary>Runs a program to its end and fails the test with its output when it exits with anything but 0.</summary>
    public static async Task<string> RunAsync(string program, string directory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(program, args)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Patience);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        return await output;
    }

    public static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRepository()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentLive.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AgentLive.sln not found above the test assembly.");
    }
}
