using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Emulators.Slack;

public sealed partial class SlackEmulator
{
    /// <summary>Sends an envelope on the newest connection that said hello (or on <paramref name="connectionId"/>, still open); returns its envelope_id.</summary>
    public async Task<string> SendEnvelopeAsync(string type, JsonObject payload, bool acceptsResponsePayload = false, string? envelopeId = null, int? connectionId = null)
    {
        var record = new SlackEnvelopeRecord
        {
            EnvelopeId = envelopeId ?? Guid.NewGuid().ToString(),
            Type = type,
            Payload = payload,
            AcceptsResponsePayload = acceptsResponsePayload,
        };
        LinkConnection connection;
        lock (_gate)
        {
            connection = (connectionId is { } id
                ? _connections.GetValueOrDefault(id) is { HelloSent: true, Socket.State: WebSocketState.Open } chosen ? chosen : null
                : NewestConnection()) ?? throw new InvalidOperationException(connectionId is null ? "No Socket Mode connection is open." : "That Socket Mode connection is not open.");
            record.SentOnConnections.Add(connection.Id);
            _envelopes.Add(record);
            Changed();
        }

        await SendAsync(connection, EnvelopeJson(record)).ConfigureAwait(false);
        return record.EnvelopeId;
    }

    /// <summary>A slash command over Socket Mode; returns the envelope id.</summary>
    public Task<string> SendSlashCommandAsync(string command, string text, string userId, string channelId, string? responseUrl = null, int? connectionId = null) =>
        SendEnvelopeAsync("slash_commands", SlashCommandJson(command, text, userId, channelId, responseUrl), acceptsResponsePayload: true, connectionId: connectionId);

    /// <summary>An Events API event (reaction_added, message, …) over Socket Mode.</summary>
    public Task<string> SendEventAsync(JsonObject @event, string? eventId = null) =>
        SendEnvelopeAsync("events_api", EventCallback(@event, eventId));

    /// <summary>An interactivity payload (block_actions, message_action, view_submission) over Socket Mode.</summary>
    public Task<string> SendInteractiveAsync(JsonObject payload) =>
        SendEnvelopeAsync("interactive", payload, acceptsResponsePayload: Text(payload, "type") is "block_suggestion" or "view_submission");

    /// <summary>Sends every unacknowledged envelope again with retry_attempt incremented, as Slack does after 3 s.</summary>
    public async Task<int> RedeliverUnackedAsync()
    {
        List<(LinkConnection, SlackEnvelopeRecord)> work = [];
        lock (_gate)
        {
            var connection = NewestConnection();
            if (connection is null)
            {
                return 0;
            }

            foreach (var record in _envelopes.Where(e => !e.Acked))
            {
                record.RetryAttempt++;
                record.SentOnConnections.Add(connection.Id);
                work.Add((connection, record));
            }

            Changed();
        }

        foreach (var (connection, record) in work)
        {
            await SendAsync(connection, EnvelopeJson(record)).ConfigureAwait(false);
        }

        return work.Count;
    }

    /// <summary>Sends a disconnect frame (warning, refresh_requested, too_many_websockets, link_disabled) on one connection (default: the newest).</summary>
    public async Task SendDisconnectAsync(string reason, int? connectionId = null)
    {
        LinkConnection? connection;
        lock (_gate)
        {
            connection = connectionId is { } id ? _connections.GetValueOrDefault(id) : NewestConnection();
        }

        if (connection is null)
        {
            throw new InvalidOperationException("No such Socket Mode connection.");
        }

        lock (_gate)
        {
            connection.DisconnectSent = true;
        }

        var frame = new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "applink-emulator" } };
        await SendAsync(connection, frame).ConfigureAwait(false);
    }

    /// <summary>Slack closes a connection (a close handshake it starts), as it does some seconds after a disconnect.</summary>
    public async Task CloseConnectionAsync(int connectionId)
    {
        LinkConnection? connection;
        lock (_gate)
        {
            connection = _connections.GetValueOrDefault(connectionId);
        }

        if (connection is not null)
        {
            await CloseFromServerAsync(connection).ConfigureAwait(false);
        }
    }

    private static async Task CloseFromServerAsync(LinkConnection connection)
    {
        await connection.SendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (connection.Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "handed over", CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
        finally
        {
            connection.SendLock.Release();
        }
    }

    /// <summary>With <see cref="CloseAfterHandOver"/>: closes the connections told to go once a newer one is up and nothing sent on them awaits an ack.</summary>
    private async Task CloseHandedOverAsync()
    {
        List<LinkConnection> retire;
        lock (_gate)
        {
            if (!CloseAfterHandOver)
            {
                return;
            }

            var newest = NewestConnection();
            retire = [.. _connections.Values.Where(c => c.DisconnectSent && newest is not null && c.Id < newest.Id
                && !_envelopes.Any(e => !e.Acked && e.SentOnConnections.LastOrDefault() == c.Id))];
        }

        foreach (var connection in retire)
        {
            await CloseFromServerAsync(connection).ConfigureAwait(false);
        }
    }

    /// <summary>Sends hello on a connection opened while <see cref="SendHelloOnConnect"/> was false.</summary>
    public async Task SendHelloAsync(int connectionId)
    {
        LinkConnection connection;
        lock (_gate)
        {
            connection = _connections[connectionId];
        }

        await SendHelloCoreAsync(connection).ConfigureAwait(false);
    }

    /// <summary>Drops a connection without a close handshake, as a network failure would.</summary>
    public void AbortConnection(int connectionId)
    {
        lock (_gate)
        {
            _connections.GetValueOrDefault(connectionId)?.Socket.Abort();
        }
    }

    /// <summary>A slash command's fields; <paramref name="text"/> is what the member typed, delivered escaped as Slack does (<see cref="AsDelivered"/>).</summary>
    public JsonObject SlashCommandJson(string command, string text, string userId, string channelId, string? responseUrl = null) => new()
    {
        ["token"] = "verification-token-unused",
        ["team_id"] = TeamId,
        ["team_domain"] = "emulated",
        ["channel_id"] = channelId,
        ["channel_name"] = channelId.StartsWith('D') ? "directmessage" : "general",
        ["user_id"] = userId,
        ["user_name"] = userId.ToLowerInvariant(),
        ["command"] = command,
        ["text"] = AsDelivered(text),
        ["api_app_id"] = AppId,
        ["is_enterprise_install"] = "false",
        ["response_url"] = responseUrl ?? NewResponseUrl(),
        ["trigger_id"] = NewTriggerId(),
    };

    public JsonObject EventCallback(JsonObject @event, string? eventId = null) => new()
    {
        ["token"] = "verification-token-unused",
        ["team_id"] = TeamId,
        ["api_app_id"] = AppId,
        ["event"] = @event.DeepClone(),
        ["type"] = "event_callback",
        ["event_id"] = eventId ?? NextId("Ev"),
        ["event_time"] = 1_700_000_000,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = TeamId, ["user_id"] = BotUserId, ["is_bot"] = true }),
    };

    /// <summary>
    /// The <c>message</c> event Slack sends an app subscribed to message.channels (and .groups, .im) for a message in the
    /// emulated workspace: a member's post, or a file share (<c>subtype</c> file_share, with its files).
    /// </summary>
    public JsonObject MessageEvent(string channel, string ts)
    {
        lock (_gate)
        {
            var message = _messages[Key(channel, ts)];
            var json = MessageJson(message);
            json["channel"] = channel;
            json["channel_type"] = channel.StartsWith('D') ? "im" : channel.StartsWith('G') ? "group" : "channel";
            json["event_ts"] = ts;
            if (message.FileIds.Count > 0)
            {
                json["subtype"] = "file_share";
            }

            return json;
        }
    }

    /// <summary>A reaction_added event on a message.</summary>
    public static JsonObject ReactionAdded(string userId, string reaction, string channel, string ts, string? itemUser = null) => new()
    {
        ["type"] = "reaction_added",
        ["user"] = userId,
        ["reaction"] = reaction,
        ["item_user"] = itemUser,
        ["item"] = new JsonObject { ["type"] = "message", ["channel"] = channel, ["ts"] = ts },
        ["event_ts"] = "1700000000.000001",
    };

    /// <summary>A click on a button the bot posted (block_actions); like Slack, it carries the message (with its blocks) when it is a stored one.</summary>
    public JsonObject BlockAction(string userId, string channel, string messageTs, string actionId, string? value = null)
    {
        JsonObject? message;
        lock (_gate)
        {
            message = _messages.TryGetValue(Key(channel, messageTs), out var stored) ? MessageJson(stored) : null;
        }

        var payload = BlockActionJson(userId, channel, messageTs, actionId, value);
        if (message is not null)
        {
            payload["message"] = message;
        }

        return payload;
    }

    private JsonObject BlockActionJson(string userId, string channel, string messageTs, string actionId, string? value) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = userId, ["username"] = userId.ToLowerInvariant(), ["team_id"] = TeamId },
        ["api_app_id"] = AppId,
        ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "emulated" },
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "general" },
        ["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["user"] = BotUserId },
        ["trigger_id"] = NewTriggerId(),
        ["response_url"] = NewResponseUrl(),
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["block_id"] = "actions",
            ["value"] = value ?? actionId,
            ["action_ts"] = "1700000001.000001",
        }),
    };

    /// <summary>A message shortcut (message_action) on a message in a channel; the message is read from the emulator.</summary>
    public JsonObject MessageShortcut(string userId, string callbackId, string channel, string messageTs)
    {
        JsonObject message;
        lock (_gate)
        {
            message = MessageJson(_messages[Key(channel, messageTs)]);
        }

        return new JsonObject
        {
            ["type"] = "message_action",
            ["callback_id"] = callbackId,
            ["user"] = new JsonObject { ["id"] = userId, ["name"] = userId.ToLowerInvariant() },
            ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "emulated" },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "general" },
            ["message_ts"] = messageTs,
            ["message"] = message,
            ["trigger_id"] = NewTriggerId(),
            ["response_url"] = NewResponseUrl(),
            ["action_ts"] = "1700000002.000001",
        };
    }

    /// <summary>A modal submission for a view the bot opened; <paramref name="values"/> maps block_id → action_id → value.</summary>
    public JsonObject ViewSubmission(
        string userId,
        SlackOpenedView view,
        IReadOnlyDictionary<string, (string ActionId, string Value)> values,
        IReadOnlyDictionary<string, (string ActionId, string Value)>? selects = null)
    {
        var state = new JsonObject();
        foreach (var (blockId, (actionId, value)) in values)
        {
            state[blockId] = new JsonObject { [actionId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
        }

        // A static_select's state carries the chosen option (as Slack sends it), not a value.
        foreach (var (blockId, (actionId, value)) in selects ?? new Dictionary<string, (string, string)>())
        {
            state[blockId] = new JsonObject
            {
                [actionId] = new JsonObject
                {
                    ["type"] = "static_select",
                    ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value }, ["value"] = value },
                },
            };
        }

        var submitted = (JsonObject)view.View.DeepClone();
        submitted["id"] = view.ViewId;
        submitted["state"] = new JsonObject { ["values"] = state };
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "emulated" },
            ["user"] = new JsonObject { ["id"] = userId, ["name"] = userId.ToLowerInvariant() },
            ["api_app_id"] = AppId,
            ["trigger_id"] = NewTriggerId(),
            ["view"] = submitted,
        };
    }

    private static JsonObject EnvelopeJson(SlackEnvelopeRecord record)
    {
        var json = new JsonObject
        {
            ["envelope_id"] = record.EnvelopeId,
            ["type"] = record.Type,
            ["payload"] = record.Payload.DeepClone(),
            ["accepts_response_payload"] = record.AcceptsResponsePayload,
        };
        if (record.Type == "events_api")
        {
            json["retry_attempt"] = record.RetryAttempt;
            json["retry_reason"] = record.RetryAttempt == 0 ? "" : "timeout";
        }

        return json;
    }

    /// <summary>Caller holds the lock.</summary>
    private LinkConnection? NewestConnection() =>
        _connections.Values.Where(c => c.HelloSent && c.Socket.State == WebSocketState.Open).MaxBy(c => c.Id);

    private static async Task SendAsync(LinkConnection connection, JsonObject frame)
    {
        var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString(Compact));
        await connection.SendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (connection.Socket.State == WebSocketState.Open)
            {
                await connection.Socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            connection.SendLock.Release();
        }
    }

    private async Task SendHelloCoreAsync(LinkConnection connection)
    {
        int open;
        lock (_gate)
        {
            open = _connections.Count;
        }

        var hello = new JsonObject
        {
            ["type"] = "hello",
            ["num_connections"] = open,
            ["debug_info"] = new JsonObject { ["host"] = "applink-emulator", ["build_number"] = 1, ["approximate_connection_time"] = 18060 },
            ["connection_info"] = new JsonObject { ["app_id"] = AppId },
        };
        await SendAsync(connection, hello).ConfigureAwait(false);
        List<SlackEnvelopeRecord> redeliver = [];
        lock (_gate)
        {
            connection.HelloSent = true;
            if (RedeliverOnReconnect)
            {
                foreach (var record in _envelopes.Where(e => !e.Acked && !e.SentOnConnections.Contains(connection.Id) && e.SentOnConnections.All(id => !_connections.ContainsKey(id))))
                {
                    record.RetryAttempt++;
                    record.SentOnConnections.Add(connection.Id);
                    redeliver.Add(record);
                }
            }

            Changed();
        }

        foreach (var record in redeliver)
        {
            await SendAsync(connection, EnvelopeJson(record)).ConfigureAwait(false);
        }

        await CloseHandedOverAsync().ConfigureAwait(false);
    }

    private async Task HandleLinkAsync(HttpContext context)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        bool valid;
        lock (_gate)
        {
            valid = _tickets.Remove(ticket);
        }

        if (!context.WebSockets.IsWebSocketRequest || !valid)
        {
            context.Response.StatusCode = 401;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        LinkConnection connection;
        lock (_gate)
        {
            connection = new LinkConnection(++_connectionCounter, socket);
            _connections[connection.Id] = connection;
            _connectionEvents.Add(new SlackConnectionEvent(NextSequence(), connection.Id, Opened: true));
            Changed();
        }

        if (SendHelloOnConnect)
        {
            await SendHelloCoreAsync(connection).ConfigureAwait(false);
        }

        var detail = "closed";
        try
        {
            await ReadLoopAsync(connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            detail = "aborted";
        }
        finally
        {
            lock (_gate)
            {
                _connections.Remove(connection.Id);
                _connectionEvents.Add(new SlackConnectionEvent(NextSequence(), connection.Id, Opened: false, detail));
                Changed();
            }
        }
    }

    private async Task ReadLoopAsync(LinkConnection connection)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (connection.Socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var result = await connection.Socket.ReceiveAsync(buffer, CancellationToken.None).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await connection.SendLock.WaitAsync().ConfigureAwait(false);
                try
                {
                    if (connection.Socket.State == WebSocketState.CloseReceived)
                    {
                        await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
                    }
                }
                finally
                {
                    connection.SendLock.Release();
                }

                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            if (JsonNode.Parse(text) is JsonObject ack && OptionalText(ack, "envelope_id") is { } envelopeId)
            {
                lock (_gate)
                {
                    foreach (var record in _envelopes.Where(e => e.EnvelopeId == envelopeId && !e.Acked))
                    {
                        record.Acked = true;
                        record.AckConnection = connection.Id;
                        record.AckPayload = ack["payload"]?.DeepClone();
                    }

                    Changed();
                }

                if (connection.DisconnectSent)
                {
                    await CloseHandedOverAsync().ConfigureAwait(false);
                }
            }
        }
    }
}
