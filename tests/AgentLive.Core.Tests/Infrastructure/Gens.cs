using FsCheck;
using FsCheck.Fluent;

namespace AgentLive.Tests.Infrastructure;

/// <summary>Small building blocks for generating JSON lines.</summary>
public static class Gens
{
    /// <summary>Strings that exercise escaping, Unicode, length limits and the markers parsers look for.</summary>
    public static readonly string[] TrickyText =
    [
        "hello",
        "Run echo hi",
        "line one\nline two",
        "quote \" and backslash \\ inside",
        "tab\there",
        "émoji 🎉 and 中文",
        "  leading spaces",
        "\n\nleading newlines",
        "[Request interrupted by user]",
        "[Request interrupted by user for tool use]",
        "<command-name>/mcp</command-name>",
        "<system-reminder>be brief</system-reminder>",
        "<environment_context>cwd</environment_context>",
        "# AGENTS.md instructions for /x",
        "",
        new string('a', 300),
        string.Concat(Enumerable.Repeat("é🎉", 200)),
    ];

    public static Gen<JsonTree> Text(params string[] values) => Gen.Elements(values).Select(v => (JsonTree)new JsonText(v));

    /// <summary>
    /// Mostly tricky strings, sometimes a value of another shape (an object, an array, a number, null) where a string
    /// is expected: a newer client that changes a field's shape must not derail the parse of the rest of the line.
    /// </summary>
    public static Gen<JsonTree> Tricky { get; } = Gen.Frequency(
        (12, Text(TrickyText)),
        (1, Gen.Elements<JsonTree>(
            new JsonObject(("type", new JsonText("text")), ("text", new JsonText("nested")), ("cwd", new JsonText("/nested"))),
            new JsonArray([new JsonText("a"), new JsonObject(("id", new JsonText("x")))]),
            new JsonNumber(7),
            JsonLiteral.Null)));

    public static Gen<JsonTree> Number { get; } =
        Gen.Frequency((4, Gen.Choose(0, 200_000)), (1, Gen.Constant(0))).Select(n => (JsonTree)new JsonNumber(n));

    public static Gen<JsonTree> Bool { get; } = Gen.Elements<JsonTree>(JsonLiteral.True, JsonLiteral.False, JsonLiteral.Null);

    public static Gen<JsonTree> Timestamp { get; } =
        Gen.Elements<JsonTree>(new JsonText("2026-11-24T00:23:05.514Z"), new JsonText("2026-11-24T01:00:00Z"), new JsonNumber(1795479864787), new JsonNumber(1795479864), new JsonNumber(500_000_000_000), new JsonText("not a time"));

    /// <summary>An object with a random subset of the members offered (the order is the writer's business).</summary>
    public static Gen<JsonTree> Members(params (string Name, Gen<JsonTree> Value)[] members) =>
        Members(Gen.Constant(System.Array.Empty<(string, JsonTree)>()), members);

    /// <summary>Like <see cref="Members(ValueTuple{string, Gen{JsonTree}}[])"/>, always including <paramref name="required"/>.</summary>
    public static Gen<JsonTree> Members(Gen<(string Name, JsonTree Value)[]> required, params (string Name, Gen<JsonTree> Value)[] members)
    {
        Gen<List<(string, JsonTree)>> chosen = Gen.Constant(new List<(string, JsonTree)>());
        foreach ((string name, Gen<JsonTree> value) in members)
        {
            chosen =
                from list in chosen
                from include in Gen.Elements(true, false)
                from v in value
                select include ? [.. list, (name, v)] : list;
        }

        return from r in required
               from list in chosen
               select (JsonTree)new JsonObject([.. r, .. list.Where(m => r.All(x => x.Name != m.Item1))]);
    }

    public static Gen<JsonTree> Items(Gen<JsonTree> item, int max = 4) =>
        from count in Gen.Choose(0, max)
        from items in item.ArrayOf(count)
        select (JsonTree)new JsonArray(items);

    public static Gen<(string, JsonTree)[]> Member(string name, Gen<JsonTree> value) =>
        value.Select(v => new[] { (name, v) });
}
