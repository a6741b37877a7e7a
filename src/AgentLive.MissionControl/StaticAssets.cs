using System.Collections.Frozen;
using System.Net;

namespace AgentLive.MissionControl;

/// <summary>The page's files, embedded in the assembly: a fixed set of names, never a path from a request.</summary>
internal static class StaticAssets
{
    public const string TokenPlaceholder = "%AGENTLIVE_TOKEN%";

    public const string NotePlaceholder = "%AGENTLIVE_NOTE%";

    /// <summary>What the page may load: its own scripts, styles and API, nothing inline, nothing from elsewhere.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, (byte[] Content, string Type)> Files = Load();

    public static bool TryGet(string name, out byte[] content, out string contentType)
    {
        if (Files.TryGetValue(name, out (byte[] Content, string Type) file))
        {
            (content, contentType) = file;
            return true;
        }

        (content, contentType) = ([], "");
        return false;
    }

    /// <summary>The page with this run's token and note in place.</summary>
    public static string Index(string token, string? note)
    {
        TryGet("index.html", out byte[] content, out _);
        return System.Text.Encoding.UTF8.GetString(content)
            .Replace(TokenPlaceholder, WebUtility.HtmlEncode(token), StringComparison.Ordinal)
            .Replace(NotePlaceholder, WebUtility.HtmlEncode(note ?? ""), StringComparison.Ordinal);
    }

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        const string prefix = "AgentLive.MissionControl.wwwroot.";
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        var assembly = typeof(StaticAssets).Assembly;
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            string name = resource[prefix.Length..];
            string type = Path.GetExtension(name) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".svg" => "image/svg+xml",
                ".png" => "image/png",
                _ => "application/octet-stream",
            };
            files[name] = (buffer.ToArray(), type);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
