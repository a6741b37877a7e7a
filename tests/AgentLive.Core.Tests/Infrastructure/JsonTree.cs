using System.Globalization;
using System.Text;

namespace AgentLive.Tests.Infrastructure;

/// <summary>
/// A JSON value built by generators and written out with a chosen property order and white space, so properties can
/// check that a parser's facts do not depend on either.
/// </summary>
public abstract record JsonTree
{
    public string Write(int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder();
        WriteTo(builder, random);
        return builder.ToString();
    }

    internal abstract void WriteTo(StringBuilder builder, Random random);

    protected static void Space(StringBuilder builder, Random random)
    {
        // Only the seed decides: 0 = compact, otherwise some of JSON's four white-space characters.
        int kind = random.Next(4);
        builder.Append(kind switch { 0 => "", 1 => " ", 2 => "\n  ", _ => "\t\r\n " });
    }

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }
}

public sealed record JsonObject(IReadOnlyList<(string Name, JsonTree Value)> Members) : JsonTree
{
    public JsonObject(params (string Name, JsonTree Value)[] members)
        : this((IReadOnlyList<(string, JsonTree)>)members)
    {
    }

    internal override void WriteTo(StringBuilder builder, Random random)
    {
        (string Name, JsonTree Value)[] order = [.. Members];
        random.Shuffle(order);
        builder.Append('{');
        for (int i = 0; i < order.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            Space(builder, random);
            builder.Append(Escape(order[i].Name));
            Space(builder, random);
            builder.Append(':');
            Space(builder, random);
            order[i].Value.WriteTo(builder, random);
        }

        Space(builder, random);
        builder.Append('}');
    }
}

public sealed record JsonArray(IReadOnlyList<JsonTree> Items) : JsonTree
{
    internal override void WriteTo(StringBuilder builder, Random random)
    {
        builder.Append('[');
        for (int i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            Space(builder, random);
            Items[i].WriteTo(builder, random);
        }

        builder.Append(']');
    }
}

public sealed record JsonText(string Value) : JsonTree
{
    internal override void WriteTo(StringBuilder builder, Random random) => builder.Append(Escape(Value));
}

public sealed record JsonNumber(decimal Value) : JsonTree
{
    internal override void WriteTo(StringBuilder builder, Random random) => builder.Append(Value.ToString(CultureInfo.InvariantCulture));
}

public sealed record JsonLiteral(string Token) : JsonTree
{
    public static JsonLiteral True { get; } = new("true");

    public static JsonLiteral False { get; } = new("false");

    public static JsonLiteral Null { get; } = new("null");

    internal override void WriteTo(StringBuilder builder, Random random) => builder.Append(Token);
}
