using ChatBot.Core.Providers;
using ChatBot.Emulators.Providers;
using ChatBot.Providers.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Providers.Tests.Http;

/// <summary>The shared plumbing: result host allowlist, base64 caps and sniffing, configuration defaults.</summary>
public sealed class ProviderHttpTests : IAsyncDisposable
{
    private readonly List<ProviderHarness> _harnesses = [];

    [Theory]
    [InlineData("https://api.aetherforgeai.com/x.png", true)]
    [InlineData("http://api.aetherforgeai.com/x.png", false)]
    [InlineData("https://cdn.example.com/x.png", false)]
    [InlineData("https://media.example.com/x.png", true)]
    [InlineData("https://127.0.0.1/x.png", false)]
    public void IsAllowedResultHost_HttpsBaseUrl_AllowsOnlyItsHostAndMediaHostsOverHttps(string url, bool allowed)
    {
        var http = CreateSut(ProviderNames.AetherForgeSection, ProviderNames.AetherForge, null, s => s["Providers:AetherForge:MediaHosts:0"] = "media.example.com");

        http.Results.IsAllowedResultHost(new Uri(url)).ShouldBe(allowed);
    }

    [Fact]
    public void Options_AetherWaveDefaults_UseTheDocumentsHostAndCdn()
    {
        var http = CreateSut(ProviderNames.AetherWaveSection, ProviderNames.AetherWave, null);

        http.Options.BaseUrl.ShouldBe(new Uri("https://aetherwavestudio.com/"));
        http.Results.IsAllowedResultHost(new Uri("https://media.aetherwavestudio.com/images/result1.png")).ShouldBeTrue();
        http.HasKey.ShouldBeFalse();
        http.IsAvailable.ShouldBeFalse();
    }

    [Fact]
    public void DecodeBase64_DataUrlPng_DecodesAndNamesBySniffedType()
    {
        var png = TestMedia.Png(3, 2);
        var http = CreateSut(ProviderNames.ImageStudioSection, ProviderNames.ImageStudio, new Uri("https://api.alwrity.com/"));

        var output = http.Results.DecodeBase64("data:image/jpeg;base64," + Convert.ToBase64String(png), "job-1");

        output.FileName.ShouldBe("job-1.png");
        output.ContentType.ShouldBe("image/png");
    }

    [Fact]
    public void DecodeBase64_NotMedia_RefusesClearly()
    {
        var http = CreateSut(ProviderNames.ImageStudioSection, ProviderNames.ImageStudio, new Uri("https://api.alwrity.com/"));

        Should.Throw<ProviderException>(() => http.Results.DecodeBase64(Convert.ToBase64String("<html>nope</html>"u8.ToArray()), "x")).Code.ShouldBe("result_not_media");
        Should.Throw<ProviderException>(() => http.Results.DecodeBase64("***not base64***", "x")).Code.ShouldBe("malformed_answer");
    }

    [Fact]
    public void DecodeBase64_OverCap_RefusedBeforeDecoding()
    {
        var http = CreateSut(ProviderNames.ImageStudioSection, ProviderNames.ImageStudio, new Uri("https://api.alwrity.com/"), s => s["Providers:ImageStudio:MaxResultBytes"] = "2048");

        Should.Throw<ProviderException>(() => http.Results.DecodeBase64(new string('A', 8192), "x")).Code.ShouldBe("result_too_large");
    }

    [Fact]
    public void RemoteOutput_ForeignHost_RefusedWithTheHostInTheMessage()
    {
        var http = CreateSut(ProviderNames.BlackwaveSection, ProviderNames.Blackwave, null);

        var e = Should.Throw<ProviderException>(() => http.Results.RemoteOutput("https://evil.example/i/1.png", "x"));

        e.Code.ShouldBe("result_host_refused");
        e.Message.ShouldContain("evil.example");
    }

    [Fact]
    public void ErrorText_ProviderEchoesTheKey_KeyIsMasked() =>
        ProviderErrorText.Parse("{\"detail\":\"bad key sk-123 given\"}", "sk-123").Message.ShouldBe("bad key *** given");

    public async ValueTask DisposeAsync()
    {
        foreach (var harness in _harnesses)
        {
            await harness.DisposeAsync();
        }
    }

    private ProviderHttp CreateSut(string section, string name, Uri? baseUrl, Action<Dictionary<string, string?>>? configure = null)
    {
        var harness = ProviderHarness.Create(section, baseUrl, null, configure);
        _harnesses.Add(harness);
        return harness.Services.GetRequiredKeyedService<ProviderHttp>(name);
    }
}
