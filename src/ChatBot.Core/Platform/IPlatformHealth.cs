namespace ChatBot.Core.Platform;

/// <summary>
/// How a platform adapter's connection stands, for <c>/healthz</c>. An adapter that cannot reach its platform
/// keeps retrying and says so here; it never stops the host.
/// </summary>
public interface IPlatformHealth
{
    /// <summary>The platform's name (<see cref="PlatformNames"/>).</summary>
    string Platform { get; }

    /// <summary>"ok", "starting", "retrying", "stopped" (given up for good: fix the settings) or "off".</summary>
    string State { get; }

    /// <summary>One line for the operator about a state other than "ok" (never a secret), or null.</summary>
    string? Detail { get; }
}
