using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Emulators.Hosting;

/// <summary>
/// A slim ASP.NET Core app on 127.0.0.1 with a free port and no log output: what every emulator (and every test
/// host of a bot) serves from, so tests run in parallel without port clashes or console noise.
/// </summary>
public static class LoopbackApp
{
    public static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>Starts the app and returns the address it listens on, ending in a slash.</summary>
    public static async Task<Uri> StartOnLoopbackAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>Aborts the WebSockets still open (a graceful stop would wait for them), then stops and disposes the app.</summary>
    public static async Task StopLoopbackAsync(this WebApplication app, IEnumerable<WebSocket?> openSockets)
    {
        foreach (var socket in openSockets)
        {
            socket?.Abort();
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }
}
