namespace ChatBot.Storage.Sqlite;

/// <summary>
/// The schema, as an ordered list of steps. Steps are never edited once released: a change is a new
/// step with the next version. Times are Unix milliseconds (UTC); states and ledger kinds are lower-case names.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "accounts, ledger, reservations, tenants", """
            CREATE TABLE accounts (
                id INTEGER PRIMARY KEY,
                platform TEXT NOT NULL,
                tenant_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),
                allowance_day INTEGER NOT NULL DEFAULT -1,
                created_at INTEGER NOT NULL,
                UNIQUE (platform, tenant_id, user_id)
            );

            -- Plain rowid ids (no AUTOINCREMENT, one page less per write): rows are never deleted, so ids only grow.
            CREATE TABLE ledger (
                id INTEGER PRIMARY KEY,
                account_id INTEGER NOT NULL REFERENCES accounts (id),
                kind TEXT NOT NULL,
                amount INTEGER NOT NULL,
                job_id TEXT NULL,
                reservation_id TEXT NULL,
                reason TEXT NOT NULL,
                at INTEGER NOT NULL
            );
            CREATE INDEX ledger_account ON ledger (account_id, id);

            -- The ledger is append-only: history is corrected by new entries, never by edits.
            CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
            BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
            CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
            BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;

            -- Reservations made outside jobs (benchmarks, tests); job reservations live on the job row.
            CREATE TABLE reservations (
                id TEXT PRIMARY KEY,
                account_id INTEGER NOT NULL REFERENCES accounts (id),
                amount INTEGER NOT NULL CHECK (amount >= 0),
                charged INTEGER NULL,
                state TEXT NOT NULL,
                reason TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                finished_at INTEGER NULL
            ) WITHOUT ROWID;
            CREATE INDEX reservations_open ON reservations (account_id) WHERE state = 'open';

            CREATE TABLE tenant_allowances (
                platform TEXT NOT NULL,
                tenant_id TEXT NOT NULL,
                daily_allowance INTEGER NOT NULL CHECK (daily_allowance >= 0),
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (platform, tenant_id)
            ) WITHOUT ROWID;
            """),
        new(2, "jobs", """
            CREATE TABLE jobs (
                id TEXT PRIMARY KEY,
                account_id INTEGER NOT NULL REFERENCES accounts (id),
                state TEXT NOT NULL,
                model_id TEXT NOT NULL,
                spec TEXT NOT NULL,
                reply_platform TEXT NOT NULL,
                reply_value TEXT NOT NULL,
                provider TEXT NOT NULL,
                reserved INTEGER NOT NULL CHECK (reserved >= 0),
                charged INTEGER NULL,
                remote_id TEXT NULL,
                resume_state TEXT NULL,
                error TEXT NULL,
                output_keys TEXT NOT NULL DEFAULT '[]',
                created_at INTEGER NOT NULL,
                started_at INTEGER NULL,
                finished_at INTEGER NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE INDEX jobs_active ON jobs (created_at)
                WHERE state NOT IN ('succeeded', 'failed', 'cancelled', 'refunded');
            CREATE INDEX jobs_account_active ON jobs (account_id, created_at)
                WHERE state NOT IN ('succeeded', 'failed', 'cancelled', 'refunded');
            CREATE INDEX jobs_model_succeeded ON jobs (model_id, finished_at)
                WHERE state = 'succeeded';
            """),
        new(3, "event de-duplication, media, tenant settings", """
            CREATE TABLE seen_events (
                source TEXT NOT NULL,
                event_id TEXT NOT NULL,
                seen_at INTEGER NOT NULL,
                PRIMARY KEY (source, event_id)
            ) WITHOUT ROWID;
            CREATE INDEX seen_events_age ON seen_events (seen_at);

            CREATE TABLE media (
                key TEXT PRIMARY KEY,
                content_type TEXT NOT NULL,
                file_name TEXT NOT NULL,
                length INTEGER NOT NULL,
                width INTEGER NULL,
                height INTEGER NULL,
                created_at INTEGER NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE tenant_settings (
                platform TEXT NOT NULL,
                tenant_id TEXT NOT NULL,
                settings TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (platform, tenant_id)
            ) WITHOUT ROWID;
            """),
        new(4, "media source links", """
            -- The provider's own link to a result, kept so "Save to gallery" can hand it back later.
            ALTER TABLE media ADD COLUMN source_url TEXT NULL;
            """),
        new(5, "platform replies", """
            -- The Playground's conversation (its replies as the page shows them), so a restart keeps it.
            CREATE TABLE platform_replies (
                seq INTEGER PRIMARY KEY,
                platform TEXT NOT NULL,
                reply_id TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                document TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                UNIQUE (platform, reply_id)
            );
            """),
        new(6, "member defaults", """
            -- Each member's own defaults (/settings me): model, aspect ratio, count, as one JSON document.
            CREATE TABLE member_settings (
                platform TEXT NOT NULL,
                tenant_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                settings TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (platform, tenant_id, user_id)
            ) WITHOUT ROWID;
            """),
        new(7, "job leases", """
            -- Many workers, one queue: the worker holding a started job and until when (it renews; after that another
            -- worker takes the job over), and when each member was last served (the turns of the fair line).
            ALTER TABLE jobs ADD COLUMN owner TEXT NULL;
            ALTER TABLE jobs ADD COLUMN lease_until INTEGER NULL;
            ALTER TABLE accounts ADD COLUMN last_claimed_at INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX jobs_started ON jobs (owner, lease_until) WHERE state IN ('submitting', 'running', 'delivering');
            CREATE INDEX jobs_queued ON jobs (account_id, created_at) WHERE state = 'queued';
            CREATE INDEX accounts_last_claimed ON accounts (last_claimed_at);
            """),
        new(8, "workers", """
            -- The bot's live processes: their heartbeats split the limits of the bot token and the workspace.
            CREATE TABLE workers (
                worker_id TEXT PRIMARY KEY,
                roles TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                heartbeat_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
    ];
}
