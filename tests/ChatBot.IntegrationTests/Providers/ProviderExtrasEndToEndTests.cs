using ChatBot.Core.Media;
using ChatBot.Emulators.Providers;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Providers;

/// <summary>
/// What the providers offer beyond a job, end to end through the Playground against their emulators:
/// AetherWave's "Save to gallery" button, ALwrity Image Studio's templates in /models, inpainting with a
/// mask marked in the Playground, and video background removal from an MP4 attachment.
/// </summary>
public sealed class ProviderExtrasEndToEndTests : IAsyncLifetime
{
    private const string Admin = "boss";

    private readonly AetherWaveEmulator _aetherWave = new();
    private readonly ImageStudioEmulator _imageStudio = new();
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAgainstAsync(
        new Dictionary<string, ProviderEmulator> { ["AetherWave"] = _aetherWave, ["ImageStudio"] = _imageStudio },
        new(StringComparer.OrdinalIgnoreCase) { ["Credits:DefaultDailyAllowance"] = "1000", ["Playground:Admin"] = Admin });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SaveToGallery_TenantEnabled_SavesTheResultsAetherWaveLinkForFree()
    {
        using var timeout = TestTimeout.Start();
        (await RunAsync(Admin, "/settings gallery on")).Status.ShouldBe("succeeded");
        var final = await RunAsync("gal-1", "/imagine a fox in the snow --model qwen-image-t2i");
        final.Status.ShouldBe("succeeded", final.Text);
        var save = final.Buttons.Single(b => b.Action == "SaveToGallery");
        save.Label.ShouldBe("Save to gallery");
        var before = await _host.Client.SettledCreditsAsync("gal-1", timeout.Token);

        var answer = await _host.Client.GetAsync(await _host.Client.PressAsync(final.ReplyId, save.Id, "gal-1"));

        answer.Status.ShouldBe("succeeded", answer.Text);
        answer.Text.ShouldBe("Saved to your AetherWave Studio gallery.");
        var saved = _aetherWave.Requests.Single(r => r.Path == "/api/save-to-gallery");
        var mediaUrl = new Uri(saved.Field("mediaUrl")!);
        mediaUrl.Authority.ShouldBe(_aetherWave.BaseUrl.Authority);
        mediaUrl.AbsolutePath.ShouldStartWith("/media/");
        saved.Field("mediaType").ShouldBe("image");
        saved.Field("prompt").ShouldBe("a fox in the snow");
        (await _host.Client.SettledCreditsAsync("gal-1", timeout.Token)).ShouldBe(before);
    }

    [Fact]
    public async Task SaveToGallery_TenantDisabled_OffersNoButton()
    {
        (await RunAsync(Admin, "/settings gallery off")).Status.ShouldBe("succeeded");

        var final = await RunAsync("gal-2", "/imagine a fox in the snow --model qwen-image-t2i");

        final.Status.ShouldBe("succeeded", final.Text);
        final.Buttons.ShouldNotBeEmpty();
        final.Buttons.ShouldNotContain(b => b.Action == "SaveToGallery");
    }

    [Fact]
    public async Task Models_ImageStudioAvailable_ListsItsTemplatesOnce()
    {
        var first = await RunAsync("tpl-1", "/models");
        var second = await RunAsync("tpl-1", "/models");

        first.Status.ShouldBe("succeeded", first.Text);
        var section = first.Text[first.Text.IndexOf("ALwrity Image Studio", StringComparison.Ordinal)..];
        section.ShouldContain("--template <id>");
        foreach (var template in ImageStudioEmulator.Templates)
        {
            section.ShouldContain($"`{template.Id}` ({template.Name}, {template.Ratio}, {template.Width}×{template.Height})");
        }

        second.Text.ShouldBe(first.Text);
        _imageStudio.Requests.Count(r => r.Path.EndsWith("/templates", StringComparison.Ordinal)).ShouldBe(1); // the second /models used the cached list
    }

    [Fact]
    public async Task Models_TemplatesCallFails_StillListsTheModels()
    {
        _imageStudio.TemplatesFail = true;

        var models = await RunAsync("tpl-2", "/models");

        models.Status.ShouldBe("succeeded", models.Text);
        models.Text.ShouldContain("ALwrity Image Studio");
        models.Text.ShouldContain("`imagestudio-auto`");
        models.Text.ShouldNotContain("--template <id>");
        _imageStudio.Requests.ShouldContain(r => r.Path.EndsWith("/templates", StringComparison.Ordinal)); // asked, and did without
    }

    [Fact]
    public async Task Inpaint_PlaygroundAttachmentMarkedAsMask_SendsImageAndMaskAndChargesTheActualCost()
    {
        using var timeout = TestTimeout.Start();
        var image = TestMedia.Png(40, 30, 1);
        var mask = TestMedia.MaskPng(40, 30);
        var before = await _host.Client.CreditsAsync("inpaint");
        await using var events = await _host.Client.OpenEventsAsync(timeout.Token);

        var replyId = await _host.Client.PostWithRolesAsync("inpaint", "/edit a starry sky --mode inpaint --model ideogram-v3-edit", ("photo.png", image, null), ("mask.png", mask, "mask"));
        var final = await events.WaitForFinalAsync(replyId, timeout.Token);

        final.Status.ShouldBe("succeeded", final.Text);
        final.Media.ShouldNotBeEmpty();
        var submit = _aetherWave.LastSubmit.ShouldNotBeNull();
        submit.Path.ShouldBe("/api/inpaint-image");
        submit.Field("image").ShouldBe("data:image/png;base64," + Convert.ToBase64String(image));
        submit.Field("mask").ShouldBe("data:image/png;base64," + Convert.ToBase64String(mask));
        (before - await _host.Client.SettledCreditsAsync("inpaint", timeout.Token)).ShouldBe(10, final.Text); // quoted 14, AetherWave reports 10 (medium)
        Audit();
    }

    [Fact]
    public async Task Inpaint_NoAttachmentMarkedAsMask_IsRefusedForFree()
    {
        var before = await _host.Client.CreditsAsync("inpaint-2");

        var reply = await _host.Client.GetAsync(await _host.Client.PostWithRolesAsync("inpaint-2", "/edit a starry sky --mode inpaint --model ideogram-v3-edit", ("photo.png", TestMedia.Png(40, 30), null)));

        reply.Status.ShouldBe("refused");
        reply.Text.ShouldContain("mask");
        (await _host.Client.CreditsAsync("inpaint-2")).ShouldBe(before);
        _aetherWave.SubmitCount.ShouldBe(0);
    }

    [Fact]
    public async Task Post_UnknownAttachmentRole_IsRefusedWithTheRolesToUse()
    {
        var reply = await _host.Client.GetAsync(await _host.Client.PostWithRolesAsync("roles", "/edit a starry sky --mode inpaint", ("photo.png", TestMedia.Png(40, 30), "stencil")));

        reply.Status.ShouldBe("refused");
        reply.Text.ShouldContain("image, mask, reference, last-frame, audio or video");
    }

    [Fact]
    public async Task VideoRemoveBackground_Mp4Attachment_RunsOnAetherWaveAndCharges20()
    {
        using var timeout = TestTimeout.Start();
        var before = await _host.Client.CreditsAsync("vbg");
        await using var events = await _host.Client.OpenEventsAsync(timeout.Token);

        var replyId = await _host.Client.PostAsync("vbg", "/video --mode remove-background", ("clip.mp4", TestMedia.Mp4()));
        var final = await events.WaitForFinalAsync(replyId, timeout.Token);

        final.Status.ShouldBe("succeeded", final.Text);
        var submit = _aetherWave.LastSubmit.ShouldNotBeNull();
        submit.Path.ShouldBe("/api/video/remove-background");
        submit.Files.ShouldHaveSingleItem();
        using (var media = await _host.Client.Http.GetAsync(final.Media.ShouldHaveSingleItem(), timeout.Token))
        {
            MediaSniffer.Sniff(await media.Content.ReadAsByteArrayAsync(timeout.Token))!.Kind.ShouldBe(MediaKind.Video);
        }

        (before - await _host.Client.SettledCreditsAsync("vbg", timeout.Token)).ShouldBe(20, final.Text);
        Audit();
    }

    private void Audit()
    {
        var audit = new LedgerAudit(_host.DatabasePath);
        audit.NonTerminalJobs().ShouldBeEmpty();
        audit.UnbalancedAccounts().ShouldBeEmpty();
        audit.UnsettledJobs().ShouldBeEmpty();
    }

    private Task<ReplyState> RunAsync(string user, string command, params (string FileName, byte[] Data)[] attachments) =>
        _host.Client.RunAsync(user, command, [.. attachments.Select(a => (a.FileName, a.Data, (string?)null))]);
}
