using System.Runtime.InteropServices;
using System.Text.Json;

namespace AgentLive.Package.Tests;

/// <summary>
/// The host as shipped: the <c>AgentLive.Cli</c> tool installed from the packed feed the way the README says, and its
/// <c>agentlive</c> command run over a temporary root holding a transcript the real Claude Code wrote.
/// </summary>
[Collection(PackedFeedGroup.Name)]
public sealed class ToolTests(PackedFeed packages)
{
    private const string PackageId = "AgentLive.Cli";

    [Fact]
    public async Task The_installed_tool_reports_a_real_transcript_as_json()
    {
        string readme = await File.ReadAllTextAsync(Path.Combine(packages.Repository, "README.md"));
        Assert.Contains($"dotnet tool install -g {PackageId}", readme, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(packages.Feed, $"{PackageId}.{PackedFeed.Version}.nupkg")));

        // Only the local feed: the tool carries its dependencies inside its package. A packages folder of its own, so
        // that a tool of the same version installed from an earlier build of the repository is never used.
        string config = Path.Combine(packages.Work, "tool-nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages.Feed}" />
              </packageSources>
            </configuration>
            """);
        string tools = Path.Combine(packages.Work, "tools");
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(packages.Work, "tool-packages") };
        await PackedFeed.RunDotnetAsync(packages.Work, isolated, "tool", "install", "--tool-path", tools, "--configfile", config, PackageId, "--version", PackedFeed.Version);

        // On linux-x64 the pointer package resolves to the Native AOT build.
        if (RuntimeInformation.RuntimeIdentifier == "linux-x64")
        {
            Assert.True(Directory.Exists(Path.Combine(tools, ".store", PackageId.ToLowerInvariant(), PackedFeed.Version, $"{PackageId.ToLowerInvariant()}.linux-x64")));
        }

        string claudeRoot = Path.Combine(packages.Work, "claude-home");
        PackedFeed.CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Roots", "claude"), claudeRoot);
        string agentlive = Path.Combine(tools, OperatingSystem.IsWindows() ? "agentlive.exe" : "agentlive");
        string json = await PackedFeed.RunAsync(agentlive, packages.Work, DotnetRoot(),
            "snapshot", "--json", "--only", "claude", "--claude-root", claudeRoot, "--lookback", "3650d", "--no-processes");

        using JsonDocument sessions = JsonDocument.Parse(json);
        JsonElement session = Assert.Single(sessions.RootElement.EnumerateArray());
        Assert.Equal("claude:2888b61d-42ad-4c69-9f91-e136753c80c6", session.GetProperty("id").GetString());
        Assert.Equal("proj", session.GetProperty("projectName").GetString());
    }

    /// <summary>
    /// The tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not installed where it looks by default:
    /// point it at the runtime running these tests.
    /// </summary>
    private static Dictionary<string, string> DotnetRoot()
    {
        var environment = new Dictionary<string, string>();
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is null && Environment.ProcessPath is { } host
            && Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            environment["DOTNET_ROOT"] = Path.GetDirectoryName(host)!;
        }

        return environment;
    }
}
