namespace ChatBot.Emulators.Providers;

/// <summary>Which requests a counted fault hits.</summary>
public enum FaultScope
{
    Any,

    /// <summary>The request that starts paid work.</summary>
    Submit,

    /// <summary>Status polls.</summary>
    Status,

    /// <summary>Result file downloads.</summary>
    Result,
}
