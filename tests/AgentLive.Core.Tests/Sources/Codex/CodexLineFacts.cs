using System.Reflection;
using System.Text;
using AgentLive.Sources.Codex;

namespace AgentLive.Tests.Sources.Codex;

internal static class CodexLineFacts
{
    private static readonly FieldInfo[] Fields = typeof(CodexLine).GetFields(BindingFlags.Public | BindingFlags.Instance);

    public static string Describe(CodexLine? line)
    {
        if (line is null)
        {
            return "(malformed)";
        }

        var text = new StringBuilder();
        foreach (FieldInfo field in Fields)
        {
            text.Append(field.Name).Append('=').Append(field.GetValue(line)?.ToString() ?? "null").Append('\n');
        }

        return text.ToString();
    }
}
