using ChatBot.Providers.Local.Rendering;

namespace ChatBot.Providers.Tests.Local.Rendering;

public sealed class PromptSceneTests
{
    [Theory]
    [InlineData("a lighthouse at dusk", "Waves", "Dusk", "Lighthouse")]
    [InlineData("snowy forest at dawn", "Landscape", "Dawn", "Trees, Snow")]
    [InlineData("a city skyline at night", "City", "Night", "None")]
    [InlineData("mountains at noon", "Landscape", "Noon", "None")]
    [InlineData("neon orbs", "Orbs", "Unset", "None")]
    public void Read_SceneWords_ShapeTheComposition(string prompt, string style, string time, string features)
    {
        var scene = PromptScene.Read(prompt.Split(' '));

        scene.ShouldBe(new PromptScene(Enum.Parse<SceneStyle>(style), Enum.Parse<TimeOfDay>(time), Enum.Parse<SceneFeatures>(features)));
    }

    [Fact]
    public void Read_NoSceneWords_LeavesTheStyleToTheHash() =>
        PromptScene.Read(["a", "cat"]).Style.ShouldBeNull();
}
