using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AgentLive.MissionControl;

/// <summary>
/// What every request must satisfy: a <c>Host</c> this server answers to (a name that rebinds to loopback cannot
/// reach it), and for a request that changes anything, the run's token and the page's own <c>Origin</c>.
/// </summary>
internal sealed class RequestGuard
{
    /// <summary>The header that carries the run's token.</summary>
    public const string TokenHeader = "X-AgentLive-Token";

    private readonly byte[] _token;
    private readonly HashSet<string> _hosts;

    public RequestGuard(string token, IEnumerable<string> allowedHosts)
    {
        Token = token;
        _token = Encoding.UTF8.GetBytes(token);
        _hosts = new HashSet<string>(["localhost", Environment.MachineName, .. allowedHosts], StringComparer.OrdinalIgnoreCase);
    }

    public string Token { get; }

    /// <summary>Why the request's <c>Host</c> is refused, or <see langword="null"/>: loopback names, IP literals
    /// (DNS rebinding needs a name) and the names this server was told about are accepted.</summary>
    public string? CheckHost(HttpRequest request)
    {
        string host = request.Host.Host;
        if (string.IsNullOrEmpty(host))
        {
            return "The request names no host.";
        }

        if (_hosts.Contains(host) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            return null;
        }

        return $"This server does not answer to the host '{host}'.";
    }

    /// <summary>Why a mutating request is refused, or <see langword="null"/>.</summary>
    public string? CheckMutation(HttpRequest request)
    {
        string? origin = request.Headers.Origin;
        string expected = $"{request.Scheme}://{request.Host.Value}";
        if (origin is null || !string.Equals(origin, expected, StringComparison.OrdinalIgnoreCase))
        {
            return "The request does not come from this page (Origin).";
        }

        string? token = request.Headers[TokenHeader];
        if (token is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _token))
        {
            return $"The request lacks this run's token ({TokenHeader}).";
        }

        return null;
    }

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
