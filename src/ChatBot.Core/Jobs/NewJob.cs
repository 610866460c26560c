namespace ChatBot.Core.Jobs;

/// <summary>A job about to be created; <see cref="Price"/> is reserved in the same transaction.</summary>
public sealed record NewJob(string Id, AccountKey Account, JobSpec Spec, ReplyHandle Reply, string Provider, long Price);
