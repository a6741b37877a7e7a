using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AgentLive.Package.Tests;

/// <summary>
/// The library as shipped: from the packed feed, an app outside the solution installs
/// AgentLive.Core as the README says and runs the README's example against a temporary Codex home.
/// </summary>
[Collection(PackedFeedGroup.Name)]
public sealed partial class ConsumerTests(PackedFeed packages)
{
    private static readonly TimeSpan Patience = PackedFeed.Patience;

    [Fact]
    public async Task A_console_app_installs_the_package_and_the_readme_example_prints_the_session()
    {
        string repository = packages.Repository;
        string feed = packages.Feed;
        string app = Path.Combine(packages.Work, "app");
        Directory.CreateDirectory(app);

        Assert.True(File.Exists(Path.Combine(feed, "AgentLive.Core.0.1.0.nupkg")));
        Assert.True(File.Exists(Path.Combine(feed, "AgentLive.Core.0.1.0.snupkg")));
        Assert.True(File.Exists(Path.Combine(feed, "AgentLive.Hosting.0.1.0.nupkg")));

        // AgentLive.* from the local feed only; its dependencies from the usual source. A packages folder of the app's
        // own, so that a package of the same version restored from an earlier build of the repository is never used.
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(packages.Work, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="AgentLive.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "app.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), ReadmeExample(repository));

        string install = InstallCommand().Match(await File.ReadAllTextAsync(Path.Combine(repository, "README.md"))).Value;
        Assert.Equal("dotnet add package AgentLive.Core", install);
        await PackedFeed.RunDotnetAsync(app, null, "add", "package", "AgentLive.Core", "--version", PackedFeed.Version);
        await PackedFeed.RunDotnetAsync(app, null, "build", "-c", "Release");

        string codexHome = Path.Combine(packages.Work, "codex-home");
        PackedFeed.CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Roots", "codex"), codexHome);
        using var run = Process.Start(new ProcessStartInfo("dotnet", ["run", "--no-build", "-c", "Release"])
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["CODEX_HOME"] = codexHome,
                ["CLAUDE_CONFIG_DIR"] = Path.Combine(packages.Work, "no-claude"),
            },
        })!;
        try
        {
            using var deadline = new CancellationTokenSource(Patience);
            string? line;
            do
            {
                line = await run.StandardOutput.ReadLineAsync(deadline.Token);
            }
            while (line is not null && !line.Contains("codex:01a20af1-9deb-72a0-b082-b49752aa3a70", StringComparison.Ordinal));

            Assert.NotNull(line);
            Assert.Contains("proj", line, StringComparison.Ordinal);
        }
        finally
        {
            run.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The README's example: the first C# block after the "Install" heading.</summary>
    private static string ReadmeExample(string repository)
    {
        string readme = File.ReadAllText(Path.Combine(repository, "README.md"));
        int install = readme.IndexOf("## Install", StringComparison.Ordinal);
        Assert.True(install >= 0, "README.md has an Install section");
        Match code = CSharpBlock().Match(readme, install);
        Assert.True(code.Success, "the Install section shows the example");
        return code.Groups[1].Value;
    }

    [GeneratedRegex("dotnet add package AgentLive\\.Core")]
    private static partial Regex InstallCommand();

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
