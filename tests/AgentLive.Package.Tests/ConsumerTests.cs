using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AgentLive.Package.Tests;

/// <summary>
/// The package as shipped: both packages packed into a local feed, and an app outside the solution that installs
/// AgentLive.Core as the README says and runs the README's example against a temporary Codex home.
/// </summary>
public sealed partial class ConsumerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly string _work = Directory.CreateTempSubdirectory("agentlive-consumer-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task A_console_app_installs_the_package_and_the_readme_example_prints_the_session()
    {
        string repository = FindRepository();
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string feed = Path.Combine(_work, "feed");
        string app = Path.Combine(_work, "app");
        Directory.CreateDirectory(app);

        foreach (string project in (string[])["src/AgentLive.Core/AgentLive.Core.csproj", "src/AgentLive.Hosting/AgentLive.Hosting.csproj"])
        {
            await RunAsync(repository, "pack", Path.Combine(repository, project), "-c", configuration, "--no-build", "-o", feed);
        }

        Assert.True(File.Exists(Path.Combine(feed, "AgentLive.Core.0.1.0.nupkg")));
        Assert.True(File.Exists(Path.Combine(feed, "AgentLive.Core.0.1.0.snupkg")));
        Assert.True(File.Exists(Path.Combine(feed, "AgentLive.Hosting.0.1.0.nupkg")));

        // AgentLive.* from the local feed only; its dependencies from the usual source. A packages folder of the app's
        // own, so that a package of the same version restored from an earlier build of the repository is never used.
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(_work, "packages")}" />
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
        await RunAsync(app, "add", "package", "AgentLive.Core", "--version", "0.1.0");
        await RunAsync(app, "build", "-c", "Release");

        string codexHome = Path.Combine(_work, "codex-home");
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Roots", "codex"), codexHome);
        using var run = Process.Start(new ProcessStartInfo("dotnet", ["run", "--no-build", "-c", "Release"])
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["CODEX_HOME"] = codexHome,
                ["CLAUDE_CONFIG_DIR"] = Path.Combine(_work, "no-claude"),
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

    private static async Task RunAsync(string directory, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", args)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Patience);
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} failed:\n{await output}\n{await error}");
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

    private static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex("dotnet add package AgentLive\\.Core")]
    private static partial Regex InstallCommand();

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
