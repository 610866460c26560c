namespace ChatBot.Slack.WebApi;

/// <summary>A file uploaded with the external upload flow; <see cref="Shared"/> says whether its share completed.</summary>
internal sealed record SlackUploadedFile(string Id, string Title, bool Shared);
