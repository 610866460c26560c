using ChatBot.Host;
using Microsoft.AspNetCore.Hosting;

namespace ChatBot.IntegrationTests.Operations;

public sealed class ChatBotHostTests
{
    [Fact]
    public void CreateBuilder_NoUrlsGiven_ListensOnLoopbackPort5080()
    {
        var builder = ChatBotHost.CreateBuilder([]);

        builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey).ShouldBe("http://127.0.0.1:5080");
    }

    [Fact]
    public void CreateBuilder_UrlsOnCommandLine_TheyWin()
    {
        var builder = ChatBotHost.CreateBuilder(["--urls", "http://127.0.0.1:0"]);

        builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey).ShouldBe("http://127.0.0.1:0");
    }

    [Fact]
    public void CreateBuilder_SettingOnCommandLine_OverridesAppSettings()
    {
        var builder = ChatBotHost.CreateBuilder(["--Playground:AdminFile", "/tmp/elsewhere.txt"]);

        builder.Configuration["Playground:AdminFile"].ShouldBe("/tmp/elsewhere.txt");
    }
}
