using ChatBot.Slack.Http;

namespace ChatBot.Slack;

public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps Slack's HTTP-mode endpoints: <c>POST /slack/commands</c>, <c>/slack/interactivity</c> and
    /// <c>/slack/events</c>. They answer 404 unless <c>Slack:BotToken</c> and <c>Slack:SigningSecret</c> are set.
    /// </summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/slack");
        group.MapPost("/commands", SlackHttpEndpoints.CommandsAsync).DisableAntiforgery();
        group.MapPost("/interactivity", SlackHttpEndpoints.InteractivityAsync).DisableAntiforgery();
        group.MapPost("/events", SlackHttpEndpoints.EventsAsync).DisableAntiforgery();
        return endpoints;
    }
}
