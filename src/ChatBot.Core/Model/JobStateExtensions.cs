namespace ChatBot.Core.Model;

public static class JobStateExtensions
{
    public static bool IsTerminal(this JobState state) =>
        state is JobState.Succeeded or JobState.Failed or JobState.Cancelled or JobState.Refunded;
}
