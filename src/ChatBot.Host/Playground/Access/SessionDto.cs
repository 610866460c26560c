namespace ChatBot.Host.Playground.Access;

/// <summary>What the page knows of its session: who is signed in (null: nobody), and the token its changes must send.</summary>
internal sealed record SessionDto(string? User, bool IsAdmin, bool CanRegister, string? CsrfToken);
