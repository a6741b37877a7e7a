namespace AgentLive.Parsing;

/// <summary>A visitor that can have all it needs before the end of the object (<see cref="JsonObjects.ForEachUntilDone{TVisitor}"/>).</summary>
internal interface IStoppingPropertyVisitor : IPropertyVisitor
{
    /// <summary>Gets whether the rest of the object (and of the line) is to be left unread.</summary>
    bool Done { get; }
}
