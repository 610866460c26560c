using System.Text.Json;
using ChatBot.Discord.Inbound;

namespace ChatBot.Discord.Tests.Inbound;

public sealed class ModalInputsTests
{
    [Theory]
    [InlineData("""[{"type":18,"component":{"type":4,"custom_id":"prompt","value":"snow"}}]""")]
    [InlineData("""[{"type":1,"components":[{"type":4,"custom_id":"prompt","value":"snow"}]}]""")]
    public void Find_LabelOrActionRow_ReadsTheTypedValue(string components) =>
        ModalInputs.Find(JsonDocument.Parse(components).RootElement, "prompt").ShouldBe("snow");

    [Fact]
    public void Find_OtherInputOnly_IsNull() =>
        ModalInputs.Find(JsonDocument.Parse("""[{"type":4,"custom_id":"negative","value":"x"}]""").RootElement, "prompt").ShouldBeNull();
}
