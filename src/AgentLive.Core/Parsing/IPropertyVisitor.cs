using System.Text.Json;

namespace AgentLive.Parsing;

/// <summary>
/// What <see cref="JsonObjects.ForEach{TVisitor}"/> offers each property of an object to. Implemented by structs that
/// keep what they read in their own fields: the loop is generic over the struct, so each call is direct and can be
/// inlined, with no delegate and no scratch state shared through closures.
/// </summary>
internal interface IPropertyVisitor
{
    /// <summary>Called with the reader on a property name: reads the value and returns <see langword="true"/>, or
    /// returns <see langword="false"/> without reading to have the value skipped.</summary>
    bool Visit(ref Utf8JsonReader reader);
}
