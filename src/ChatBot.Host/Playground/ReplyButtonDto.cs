namespace ChatBot.Host.Playground;

/// <summary>A button under a reply, as the API shows it; <see cref="Action"/> tells the page which ones ask for a prompt.</summary>
internal sealed record ReplyButtonDto(string Id, string Label, string Action);
