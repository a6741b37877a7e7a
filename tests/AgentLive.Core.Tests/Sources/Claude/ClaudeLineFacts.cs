using System.Reflection;
using System.Text;
using AgentLive.Sources.Claude;

namespace AgentLive.Tests.Sources.Claude;

/// <summary>Renders every fact of a parsed line as text, so two parses compare with a readable difference.</summary>
internal static class ClaudeLineFacts
{
    private static readonly FieldInfo[] Fields = typeof(ClaudeLine).GetFields(BindingFlags.Public | BindingFlags.Instance);

    public static string Describe(ClaudeLine? line)
    {
        if (line is null)
        {
            return "(malformed)";
        }

        var text = new StringBuilder();
        foreach (FieldInfo field in Fields)
        {
            object? value = field.GetValue(line);
            string rendered = value is System.Collections.IEnumerable list and not string
                ? "[" + string.Join(", ", list.Cast<object>()) + "]"
                : value?.ToString() ?? "null";
            text.Append(field.Name).Append('=').Append(rendered).Append('\n');
        }

        return text.ToString();
    }
}
