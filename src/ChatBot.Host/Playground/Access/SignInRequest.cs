namespace ChatBot.Host.Playground.Access;

/// <summary>The body of a sign-in or of an account's creation (<see cref="Invite"/> from an admin's link).</summary>
internal sealed record SignInRequest(string? User, string? Password, string? Invite);
