using System.Text;
using AgentLive.Sources.Codex;

namespace AgentLive.Tests.Sources.Codex;

/// <summary>What a Codex tool call runs and whether it asks to leave the sandbox, against hand-written expectations.</summary>
public sealed class CodexToolInputTests
{
    [Theory]
    [InlineData("""{"cmd":"make deploy","sandbox_permissions":"require_escalated"}""", "make deploy", true)]
    [InlineData("""{"command":["bash","-lc","npm test"],"with_escalated_permissions":true}""", "npm test", true)]
    [InlineData("""{"cmd":"ls","sandbox_permissions":"use_default"}""", "ls", false)]

    // Only the first command counts, and whatever follows it is still read.
    [InlineData("""{"cmd":"first","command":["bash","-lc","second"],"sandbox_permissions":"require_escalated"}""", "first", true)]
    [InlineData("""{"cmd":"first","cmd":{"sandbox_permissions":"no"},"with_escalated_permissions":true}""", "first", true)]
    [InlineData("""{"cmd":"first","command":"second","with_escalated_permissions":true}""", "first", true)]

    // A nested member is not the call's own.
    [InlineData("""{"options":{"sandbox_permissions":"require_escalated"},"cmd":"ls"}""", "ls", false)]
    public void Json_arguments(string json, string summary, bool escalated)
    {
        Assert.Equal((summary, escalated), CodexToolInput.FromJsonArguments(Encoding.UTF8.GetBytes(json)));
        Assert.Equal((summary, escalated), ReferenceRules.JsonArguments(json));
    }

    [Theory]
    [InlineData("""await tools.exec_command({cmd: "make deploy", sandbox_permissions: "require_escalated"})""", "make deploy", true)]
    [InlineData("""await tools.exec_command({cmd: 'echo \'hi\'\nthere'})""", "echo 'hi' there", false)]
    [InlineData("*** Begin Patch\n*** Update File: src/app.ts\n@@\n", "src/app.ts", false)]
    public void Freeform_input(string text, string summary, bool escalated)
    {
        Assert.Equal((summary, escalated), CodexToolInput.FromFreeform(Encoding.UTF8.GetBytes(text)));
        Assert.Equal((summary, escalated), ReferenceRules.FreeformInput(text));
    }
}
