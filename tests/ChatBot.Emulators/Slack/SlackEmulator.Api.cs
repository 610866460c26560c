using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Emulators.Slack;

public sealed partial class SlackEmulator
{
    private async Task HandleApiAsync(HttpContext context, string method)
    {
        using var reader = new StreamReader(context.Request.Body);
        var raw = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var args = ParseArgs(context.Request, raw);
        var token = BearerToken(context.Request) ?? OptionalText(args, "token");

        JsonObject answer;
        var status = 200;
        Fault? fault = null;
        lock (_gate)
        {
            if (_faults.TryGetValue(method, out var queue) && queue.Count > 0)
            {
                fault = queue.Dequeue();
            }
        }

        if (fault is { Status: { } httpStatus })
        {
            answer = Error("service_unavailable");
            status = httpStatus;
        }
        else if (fault is { Error: null })
        {
            context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            answer = Error("ratelimited");
            status = 429;
        }
        else if (fault is { Error: { } injected })
        {
            answer = Error(injected);
        }
        else if (HistoryRetryAfter(method) is { } wait)
        {
            context.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            answer = Error("ratelimited");
            status = 429;
        }
        else
        {
            var expected = method == "apps.connections.open" ? AppToken : BotToken;
            if (token is null)
            {
                answer = Error("not_authed");
            }
            else if (token != expected)
            {
                answer = Error(token == AppToken || token == BotToken ? "not_allowed_token_type" : "invalid_auth");
            }
            else
            {
                lock (_gate)
                {
                    answer = Dispatch(method, args);
                }
            }
        }

        lock (_gate)
        {
            var outcome = status == 429 ? "ratelimited" : status >= 500 ? $"http_{status}" : answer["ok"]?.GetValue<bool>() == true ? "ok" : Text(answer, "error");
            _calls.Add(new SlackApiCall(NextSequence(), method, token, args, raw, outcome, Time.GetUtcNow()));
            Changed();
        }

        await WriteJsonAsync(context, answer, status).ConfigureAwait(false);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
    }

    private static JsonObject ParseArgs(HttpRequest request, string raw)
    {
        var args = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            args[key] = value.ToString();
        }

        if (raw.Length == 0)
        {
            return args;
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (JsonNode.Parse(raw) is JsonObject json)
            {
                foreach (var (key, value) in json)
                {
                    args[key] = value?.DeepClone();
                }
            }
        }
        else
        {
            foreach (var (key, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(raw))
            {
                args[key] = value.ToString();
            }
        }

        return args;
    }

    private static JsonObject Ok() => new() { ["ok"] = true };

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    /// <summary>Blocks may arrive as a JSON array or as a JSON string (form encoding).</summary>
    private static JsonArray? Blocks(JsonObject args)
    {
        return args["blocks"] switch
        {
            JsonArray array => (JsonArray)array.DeepClone(),
            JsonValue value when value.ToString() is { Length: > 0 } text => JsonNode.Parse(text) as JsonArray,
            _ => null,
        };
    }

    /// <summary>Caller holds the lock.</summary>
    private JsonObject Dispatch(string method, JsonObject args) => method switch
    {
        "auth.test" => new JsonObject
        {
            ["ok"] = true,
            ["url"] = BaseUri.ToString(),
            ["team"] = "Emulated Team",
            ["user"] = "chatbot",
            ["team_id"] = TeamId,
            ["user_id"] = BotUserId,
            ["bot_id"] = BotId,
        },
        "apps.connections.open" => OpenConnection(),
        "chat.postMessage" => PostMessage(args),
        "chat.update" => UpdateMessage(args),
        "chat.delete" => DeleteMessage(args),
        "chat.postEphemeral" => PostEphemeral(args),
        "views.open" => OpenView(args),
        "files.getUploadURLExternal" => GetUploadUrl(args),
        "files.completeUploadExternal" => CompleteUpload(args),
        "files.info" => FileInfo(args),
        "files.delete" => DeleteFile(args),
        "conversations.history" => History(args),
        "conversations.replies" => Replies(args),
        "users.info" => UserInfo(args),
        "reactions.add" => Ok(),
        _ => Error("unknown_method"),
    };

    private JsonObject OpenConnection()
    {
        var ticket = Guid.NewGuid().ToString("N");
        _tickets.Add(ticket);
        var ws = new UriBuilder(BaseUri) { Scheme = "ws", Path = "/link/", Query = $"ticket={ticket}&app_id={AppId}" };
        return new JsonObject { ["ok"] = true, ["url"] = ws.Uri.ToString() };
    }

    private JsonObject PostMessage(JsonObject args)
    {
        var channel = Text(args, "channel");
        if (channel.Length == 0)
        {
            return Error("channel_not_found");
        }

        if (_notInChannel.Contains(channel))
        {
            return Error("not_in_channel");
        }

        if (_archived.Contains(channel))
        {
            return Error("is_archived");
        }

        var blocks = Blocks(args);
        if (CheckBlocks(blocks, channel) is { } invalid)
        {
            return invalid;
        }

        RecordMentions("chat.postMessage", Text(args, "text"), blocks);
        var message = AddMessage(channel, BotUserId, BotId, Text(args, "text"), blocks, OptionalText(args, "thread_ts"));
        message.Unfurls = Text(args, "unfurl_links") != "false" || Text(args, "unfurl_media") != "false";
        message.Metadata = args["metadata"] switch
        {
            JsonObject o => (JsonObject)o.DeepClone(),
            JsonValue v when v.ToString() is { Length: > 0 } json => JsonNode.Parse(json) as JsonObject,
            _ => null,
        };
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = message.Ts, ["message"] = MessageJson(message) };
    }

    private JsonObject UpdateMessage(JsonObject args)
    {
        var (message, refused) = OwnMessage(args, "update");
        if (message is null)
        {
            return refused!;
        }

        if (_archived.Contains(message.Channel))
        {
            return Error("is_archived");
        }

        var blocks = Blocks(args);
        if (CheckBlocks(blocks, message.Channel) is { } invalid)
        {
            return invalid;
        }

        RecordMentions("chat.update", Text(args, "text"), blocks);
        message.Text = Text(args, "text");
        message.Blocks = blocks;
        message.Versions.Add(new JsonObject { ["text"] = message.Text, ["blocks"] = blocks?.DeepClone() });
        return new JsonObject { ["ok"] = true, ["channel"] = message.Channel, ["ts"] = message.Ts, ["text"] = message.Text };
    }

    private JsonObject DeleteMessage(JsonObject args)
    {
        var (message, refused) = OwnMessage(args, "delete");
        if (message is null)
        {
            return refused!;
        }

        message.Deleted = true;
        return new JsonObject { ["ok"] = true, ["channel"] = message.Channel, ["ts"] = message.Ts };
    }

    /// <summary>The bot's own live message named by <c>channel</c> and <c>ts</c>, or the error Slack answers instead.</summary>
    private (SlackEmulatedMessage? Message, JsonObject? Refused) OwnMessage(JsonObject args, string action)
    {
        var message = _messages.GetValueOrDefault(Key(Text(args, "channel"), Text(args, "ts")));
        return message is null || message.Deleted ? (null, Error("message_not_found"))
            : message.User != BotUserId ? (null, Error($"cant_{action}_message"))
            : (message, null);
    }

    private JsonObject PostEphemeral(JsonObject args)
    {
        var channel = Text(args, "channel");
        var user = Text(args, "user");
        if (channel.Length == 0 || user.Length == 0)
        {
            return Error(channel.Length == 0 ? "channel_not_found" : "user_not_found");
        }

        if (_archived.Contains(channel))
        {
            return Error("is_archived");
        }

        RecordMentions("chat.postEphemeral", Text(args, "text"), Blocks(args));
        _ephemerals.Add(new SlackEphemeral(NextSequence(), channel, user, Text(args, "text"), Blocks(args), OptionalText(args, "thread_ts")));
        return new JsonObject { ["ok"] = true, ["message_ts"] = NextTs() };
    }

    private JsonObject OpenView(JsonObject args)
    {
        var trigger = Text(args, "trigger_id");
        if (!_issuedTriggers.Remove(trigger))
        {
            return Error(trigger.Length == 0 ? "invalid_arguments" : "invalid_trigger_id");
        }

        var view = args["view"] switch
        {
            JsonObject o => (JsonObject)o.DeepClone(),
            JsonValue v => JsonNode.Parse(v.ToString()) as JsonObject,
            _ => null,
        };
        if (view is null || Text(view, "type") != "modal")
        {
            return Error("invalid_arguments");
        }

        var id = NextId("V");
        _views.Add(new SlackOpenedView(NextSequence(), id, trigger, view));
        var answer = (JsonObject)view.DeepClone();
        answer["id"] = id;
        return new JsonObject { ["ok"] = true, ["view"] = answer };
    }

    private JsonObject GetUploadUrl(JsonObject args)
    {
        var name = Text(args, "filename");
        if (name.Length == 0 || !long.TryParse(Text(args, "length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length <= 0)
        {
            return Error("invalid_arguments");
        }

        var file = new SlackEmulatedFile { Id = NextId("F"), Name = name, DeclaredLength = length, User = BotUserId };
        _files[file.Id] = file;
        return new JsonObject
        {
            ["ok"] = true,
            ["upload_url"] = new Uri(BaseUri, $"upload/{file.Id}").ToString(),
            ["file_id"] = file.Id,
        };
    }

    private JsonObject CompleteUpload(JsonObject args)
    {
        var list = args["files"] switch
        {
            JsonArray a => a,
            JsonValue v => JsonNode.Parse(v.ToString()) as JsonArray,
            _ => null,
        };
        if (list is null || list.Count == 0)
        {
            return Error("invalid_arguments");
        }

        var channel = OptionalText(args, "channel_id") ?? OptionalText(args, "channels");
        if (channel is not null && _archived.Contains(channel))
        {
            return Error("is_archived");
        }
        var answered = new JsonArray();
        foreach (var item in list.OfType<JsonObject>())
        {
            var file = _files.GetValueOrDefault(Text(item, "id"));
            if (file is null || file.Bytes is null)
            {
                return Error("file_not_found");
            }

            file.Title = OptionalText(item, "title") ?? file.Name;
            file.Completed = true;
            file.ChannelId = channel;
            file.ThreadTs = OptionalText(args, "thread_ts");
            file.InitialComment = OptionalText(args, "initial_comment");
            file.InfoCallsUntilShared = ShareDelayInfoCalls;
            if (channel is not null && ShareDelayInfoCalls <= 0)
            {
                CompleteShare(file);
            }

            answered.Add(new JsonObject { ["id"] = file.Id, ["title"] = file.Title });
        }

        return new JsonObject { ["ok"] = true, ["files"] = answered };
    }

    /// <summary>Caller holds the lock.</summary>
    private void CompleteShare(SlackEmulatedFile file)
    {
        if (file.ShareCompleted || file.ChannelId is null)
        {
            return;
        }

        var message = AddMessage(file.ChannelId, BotUserId, BotId, file.InitialComment ?? "", null, file.ThreadTs);
        message.FileIds.Add(file.Id);
        file.ShareTs = message.Ts;
        file.ShareCompleted = true;
    }

    /// <summary>files.delete: the file goes, and with it the message its share made.</summary>
    private JsonObject DeleteFile(JsonObject args)
    {
        var file = _files.GetValueOrDefault(Text(args, "file"));
        if (file is null || file.Deleted)
        {
            return Error("file_not_found");
        }

        if (file.User != BotUserId)
        {
            return Error("cant_delete_file");
        }

        file.Deleted = true;
        if (file.ShareTs is { } ts && file.ChannelId is { } channel && _messages.TryGetValue(Key(channel, ts), out var share))
        {
            share.Deleted = true;
        }

        return Ok();
    }

    private JsonObject FileInfo(JsonObject args)
    {
        var file = _files.GetValueOrDefault(Text(args, "file"));
        if (file is null || file.Deleted || !file.Completed)
        {
            return Error("file_not_found");
        }

        if (!file.ShareCompleted && file.ChannelId is not null)
        {
            if (file.InfoCallsUntilShared <= 0)
            {
                CompleteShare(file);
            }
            else
            {
                file.InfoCallsUntilShared--;
            }
        }

        return new JsonObject { ["ok"] = true, ["file"] = FileJson(file) };
    }

    private JsonObject FileJson(SlackEmulatedFile file)
    {
        var shares = new JsonObject();
        var channels = new JsonArray();
        if (file.ShareCompleted && file.ChannelId is not null)
        {
            var share = new JsonObject { ["ts"] = file.ShareTs };
            if (file.ThreadTs is not null)
            {
                share["thread_ts"] = file.ThreadTs;
            }

            shares["public"] = new JsonObject { [file.ChannelId] = new JsonArray(share) };
            channels.Add(file.ChannelId);
        }

        var url = new Uri(BaseUri, $"files-pri/{TeamId}-{file.Id}/{Uri.EscapeDataString(file.Name)}").ToString();
        return new JsonObject
        {
            ["id"] = file.Id,
            ["name"] = file.Name,
            ["title"] = file.Title ?? file.Name,
            ["mimetype"] = file.Mimetype,
            ["size"] = file.Bytes?.LongLength ?? file.DeclaredLength,
            ["user"] = file.User,
            ["url_private"] = url,
            ["url_private_download"] = url + "?download=1",
            ["channels"] = channels,
            ["shares"] = shares,
        };
    }

    private JsonObject MessageJson(SlackEmulatedMessage message, bool withMetadata = false)
    {
        var json = new JsonObject
        {
            ["type"] = "message",
            ["ts"] = message.Ts,
            ["user"] = message.User,
            ["text"] = message.Text,
        };
        if (message.BotId is not null)
        {
            json["bot_id"] = message.BotId;
        }

        if (message.ThreadTs is not null)
        {
            json["thread_ts"] = message.ThreadTs;
        }

        if (message.Blocks is not null)
        {
            json["blocks"] = message.Blocks.DeepClone();
        }

        if (withMetadata && message.Metadata is not null)
        {
            json["metadata"] = message.Metadata.DeepClone();
        }

        if (message.FileIds.Count > 0)
        {
            json["files"] = new JsonArray([.. message.FileIds.Select(id => (JsonNode)FileJson(_files[id]))]);
        }

        return json;
    }

    private JsonObject History(JsonObject args)
    {
        var channel = Text(args, "channel");
        var latest = OptionalText(args, "latest");
        var inclusive = Text(args, "inclusive") is "true" or "1";
        var limit = int.TryParse(Text(args, "limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : 100;
        var messages = _messages.Values
            .Where(m => m.Channel == channel && !m.Deleted && !m.IsThreadReply)
            .Where(m => latest is null || CompareTs(m.Ts, latest) < 0 || (inclusive && m.Ts == latest))
            .OrderByDescending(m => m.Ts, StringComparer.Ordinal)
            .Take(HistoryLimit(limit))
            .Select(m => (JsonNode)MessageJson(m, WithMetadata(args)));
        return new JsonObject { ["ok"] = true, ["messages"] = new JsonArray([.. messages]), ["has_more"] = false };
    }

    private JsonObject Replies(JsonObject args)
    {
        var channel = Text(args, "channel");
        var ts = Text(args, "ts");
        var parent = _messages.GetValueOrDefault(Key(channel, ts));
        if (parent is null)
        {
            return Error("thread_not_found");
        }

        var root = parent.ThreadTs ?? parent.Ts;
        var messages = _messages.Values
            .Where(m => m.Channel == channel && !m.Deleted && (m.Ts == root || m.ThreadTs == root))
            .OrderBy(m => m.Ts, StringComparer.Ordinal)
            .Select(m => (JsonNode)MessageJson(m, WithMetadata(args)));
        return new JsonObject { ["ok"] = true, ["messages"] = new JsonArray([.. messages]), ["has_more"] = false };
    }

    /// <summary>With <see cref="DistributedOutsideMarketplace"/>: seconds until the next history call is allowed (null: allowed now).</summary>
    private int? HistoryRetryAfter(string method)
    {
        if (!DistributedOutsideMarketplace || method is not ("conversations.history" or "conversations.replies"))
        {
            return null;
        }

        lock (_gate)
        {
            var now = Time.GetUtcNow();
            if (_historyWindow.TryGetValue(method, out var last) && now - last < TimeSpan.FromMinutes(1))
            {
                return (int)Math.Ceiling((last + TimeSpan.FromMinutes(1) - now).TotalSeconds);
            }

            _historyWindow[method] = now;
            return null;
        }
    }

    private int HistoryLimit(int asked) => DistributedOutsideMarketplace ? Math.Min(asked, 15) : asked;

    private static bool WithMetadata(JsonObject args) => Text(args, "include_all_metadata") is "true" or "1";

    private JsonObject UserInfo(JsonObject args)
    {
        if (!_users.TryGetValue(Text(args, "user"), out var user))
        {
            return Error("user_not_found");
        }

        return new JsonObject
        {
            ["ok"] = true,
            ["user"] = new JsonObject
            {
                ["id"] = user.Id,
                ["team_id"] = TeamId,
                ["name"] = user.Name,
                ["real_name"] = user.Name,
                ["is_admin"] = user.IsAdmin,
                ["is_owner"] = user.IsOwner,
                ["is_bot"] = user.Id == BotUserId,
                ["profile"] = new JsonObject { ["display_name"] = user.Name },
            },
        };
    }

    private static int CompareTs(string a, string b) =>
        decimal.Parse(a, CultureInfo.InvariantCulture).CompareTo(decimal.Parse(b, CultureInfo.InvariantCulture));

    /// <summary>
    /// Like Slack, an image block may only reference a slack_file shared in the message's conversation whose share has
    /// completed: a file completed without channel_id is private to the uploader, and right after
    /// files.completeUploadExternal the share is still under way; both answer invalid_blocks. Caller holds the lock.
    /// </summary>
    private JsonObject? CheckBlocks(JsonArray? blocks, string channel)
    {
        if (blocks is null)
        {
            return null;
        }

        if (blocks.Count > 50)
        {
            return Error("invalid_blocks");
        }

        foreach (var block in blocks.OfType<JsonObject>())
        {
            if (Text(block, "type") == "image" && block["slack_file"] is JsonObject slackFile)
            {
                var file = _files.GetValueOrDefault(Text(slackFile, "id"));
                if (file is null || file.Deleted || !file.Completed || file.ChannelId != channel || !file.ShareCompleted)
                {
                    return Error("invalid_blocks");
                }
            }

            if (Text(block, "type") == "actions" && block["elements"] is JsonArray elements)
            {
                if (elements.Count > 25)
                {
                    return Error("invalid_blocks");
                }

                foreach (var element in elements.OfType<JsonObject>())
                {
                    if (Text(element, "action_id").Length > 255 || (element["text"] is JsonObject t && Text(t, "text").Length > 75))
                    {
                        return Error("invalid_blocks");
                    }
                }
            }
        }

        return null;
    }
}
