namespace ChatBot.Core.Replies;

/// <summary>
/// A button under a reply. <see cref="Id"/> is the platform's custom_id/action_id: it carries the job id
/// so the button still works after a restart (see <see cref="ButtonId"/>).
/// </summary>
public sealed record ReplyButton(string Id, string Label, ButtonAction Action, string JobId, int? OutputIndex = null);
