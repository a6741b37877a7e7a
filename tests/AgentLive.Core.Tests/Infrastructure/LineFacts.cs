using System.Reflection;
using System.Text;

namespace AgentLive.Tests.Infrastructure;

/// <summary>Renders every public field of a parsed line as text, so two parses compare with a readable difference.</summary>
internal static class LineFacts
{
    public static string Describe(object? line)
    {
        if (line is null)
        {
            return "(malformed)";
        }

        var text = new StringBuilder();
        foreach (FieldInfo field in line.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance))
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
