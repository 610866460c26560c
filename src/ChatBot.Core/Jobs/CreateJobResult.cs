using ChatBot.Core.Model;
namespace ChatBot.Core.Jobs;

public abstract record CreateJobResult
{
    private CreateJobResult()
    {
    }

    public sealed record Created(JobRecord Job) : CreateJobResult;

    /// <summary>The account cannot cover the price; nothing was written.</summary>
    public sealed record InsufficientCredits(long Balance, long Price) : CreateJobResult;
}
