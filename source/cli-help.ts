// The manual `tapedeck --help` prints: every command, flag, environment variable and default.

export const HELP = `
  A terminal explorer for recorded LLM agent sessions: where the money, tokens and time went.

  Usage
    $ tapedeck [command] [flags]

  Commands
    (none)           Open the explorer; when stdin or stdout is not a terminal, print the sessions report
    sessions         Print the session list with totals (table, --json or --csv)
    projects         Print one row per project: sessions, cost and tokens incl. subagents, agent time,
                     success rate, last active (table, --json, --csv; the usual filters, --since, --limit)
    show <id>        Print one session (a unique ID prefix is enough); --json, --csv, --md. Keeps thinking,
                     reasoning, aborted turns and unknown blocks with their kind, and why it got its status
    search <query>   Print the messages matching a query, best first, with a snippet each (table, --json,
                     --csv); exit status 1 when nothing matches. Query: words (all must match), "a phrase",
                     -exclude, prefix*, tool:Bash, role:user, model:<part>, project:<part>,
                     in:text|thinking|tool (quote the query for the shell: 'tool:Bash "rm -rf"')
    analytics        Print analytics: activity by day, buckets, tools, models, providers (--json, --csv)
    daily            Tokens and cost per day by each message's time in --tz (as ccusage's daily); a session
                     counts once, on the day it starts. weekly (Monday first) and monthly likewise
    weekly, monthly  (table, --json, --csv; the usual filters). Input in the table is uncached input
    pricing [model]  The price each model in the index gets, or one model's, and which layer gives it
                     (--pricing file, built-in table, catalog); --json
    pricing --update Refresh the catalog's price data from its published file (the only command that goes
                     online; offline it says so and the prices stay)
    sync             Bring the index up to date with the sources and print what changed
    sources          List the sources in use: path, sessions, messages, warnings, last sync (--json)
    facets           Extract facets (goal, outcome, session type, friction, summary) for the filtered
                     sessions now, with a progress bar on stderr; prints a summary (--json)
    insights         Print what sessions were for, how they ended and what got in the way, with
                     coverage, providers and failures, for the same filters and period (--json)

  Sources
    -s, --sqlite <path>    tapes SQLite database (read-only). Default: $TAPES_SQLITE, $TAPES_DB, then the first
                           of $XDG_DATA_HOME/tapes/tapes.db, …/tapes.sqlite, ~/.tapes/tapes.db, ~/.tapes/tapes.sqlite,
                           ./tapes.db, ./tapes.sqlite, ./.tapes/tapes.db, ./.tapes/tapes.sqlite
        --postgres [url]   tapes' PostgreSQL (tapes >= v0.35), read through its tapes_v1 views only, on a read-only
                           connection; incremental (derive_seq feed). Alone: postgres://tapes:tapes@localhost:5432/tapes.
                           Default: $TAPES_DATABASE_URL, $TAPES_STORAGE_POSTGRES_DSN, then storage.postgres_dsn in
                           ./.tapes/config.toml or ~/.tapes/config.toml. The password is never shown or stored
        --tapes-api [url]  tapes' HTTP read API. Alone: http://localhost:8081. Default (when no PostgreSQL is
                           found): $TAPES_API_URL, then api-url in ~/.tapes/config.toml
        --user <subject>   With --postgres or --tapes-api: only this gateway user's sessions (auth_subject)
        --claude <dir>     Claude Code transcripts: a config directory (with projects/) or a projects directory;
                           repeatable. Default: each of $CLAUDE_CONFIG_DIR (comma-separated), else
                           ~/.config/claude/projects and ~/.claude/projects where present. One session per
                           sessionId; subagents (<session>/subagents/agent-*.jsonl) are their own rows, linked to
                           their parent, whose "incl. subagents" cost adds them (in the explorer they open under
                           their parent, and the list counts top-level sessions)
        --codex <dir>      Codex rollouts: a Codex home (sessions/ and archived_sessions/) or a folder of
                           rollouts; repeatable. Default: each of $CODEX_HOME (comma-separated), else ~/.codex
        --promptkit <dir>  A PromptKit file state store (conv-<id>/messages.jsonl and state.json); repeatable
                           With no source flag, every source found is read; with any, only those named.
    -m, --demo             Use the built-in demo data (seeded once into $XDG_DATA_HOME/tapedeck/demo)
    -f, --overwrite        With --demo: seed the demo again (removes the old file and its -wal/-shm)
        --index <path>     tapedeck's own index. Default: $XDG_DATA_HOME/tapedeck/index.sqlite
                           (~/.local/share/tapedeck/index.sqlite); the demo keeps its own next to its data
        --pricing <file>   JSON price overrides per model, USD per 1M tokens:
                           {"gpt-5": {"input": 1.25, "output": 10, "cache_read": 0.125, "cache_write": 1.25}}
                           Fields left out keep the price of the layer below. Layers, first that has a model
                           wins: this file, the built-in table, the catalog (@pydantic/genai-prices, offline)
        --no-catalog       Price from the --pricing file and the built-in table only (the demo always does)

  Filters (every command and the explorer)
        --since <period>   24h, 7d, 30d, 90d, any N with m/h/d/w, or 0/all (default: all)
        --from <date>      YYYY-MM-DD (start of that day) or RFC 3339
        --to <date>        YYYY-MM-DD (includes that whole day) or RFC 3339
        --tz <zone>        IANA time zone for days and dates (default: the local zone, $TZ). Per-day tokens
                           and cost follow each message's time; a session counts on the day it starts
        --model <name>     Dominant model, e.g. claude-sonnet-4.5 (dated IDs are normalized)
        --status <s>       completed, failed, abandoned or unknown
        --project <name>   Exact project name
        --agent <name>     Exact agent name
        --source <kind>    tapes, claude-code, codex, promptkit, tapes-postgres or tapes-api
        --search <query>   Substring of label, project, model or ID, or a search query matching what the
                           sessions said (see search); at most 10,000 characters
        --sort <key>       date, label, project, agent, model, status, duration, messages, tools, tokens, cost
                           (default: cost)
        --sort-dir <dir>   asc or desc (default: desc)

  Search
        --limit <n>        search: messages printed, 1–10,000 (default: 20)
        --order <o>        search: rank (relevance, bm25; default) or time (newest first)
        --no-search-index  Stop keeping the full-text index for the sources of this run and drop their rows
                           (remembered per source); search and / then leave them out, and say so
        --search-index     Build it again for them (at the next sync, with progress)

  Output
        --json             JSON (snake_case fields, durations in ns, times in RFC 3339)
        --csv              CSV (sessions; show: one row per message; analytics: section,key,metric,value)
        --md               Markdown (show)
        --limit <n>        At most n rows in a report's lists: sessions, projects, analytics' tools and models, insights'
                           summaries and failures (totals still count every match)

  Explorer (? lists every key of a screen)
        --refresh <sec>    Sync again every N seconds while open, up to 86400 (default: 10; 0 turns it off); the first
                           import of a large source fills the list as it goes
                           Sessions keys: Space/→ a session's subagents · y copy its ID (OSC 52) · o read it in
                           $PAGER (default less) · v open it in $VISUAL/$EDITOR (default vi) · R resume it in its
                           agent (claude --resume ID in its directory, codex resume ID), ending tapedeck with
                           the agent's exit status · Esc clear a kept search
        --export-dir <dir> Where the Timeline's e writes a session's Markdown (created when missing;
                           default: the current directory); the status bar names the file
        --theme <name>     dark or light palette (default: the terminal's own colours); NO_COLOR turns colour off
        --no-mouse         Leave the mouse to the terminal (its own selection and scrollback); by default the
                           wheel scrolls a list by 3 rows, a click selects a row and a click on the selected
                           row opens it

  Insights (facets are extracted in the background while the explorer is open, and by \`facets\`)
        --insights-provider <p>   openai, anthropic, ollama or heuristic. Default: openai when an OpenAI key is
                                  found, else anthropic when an Anthropic key is, else the heuristic (offline
                                  rules over the session's own data, labelled "heuristic" wherever it shows)
        --insights-model <m>      Default per provider: gpt-4o-mini, claude-haiku-4-5-20251001, llama3.2
        --insights-key <key>      API key; else $OPENAI_API_KEY / $ANTHROPIC_API_KEY, else [providers.<name>]
                                  api_key in ./.tapes/credentials.toml or ~/.tapes/credentials.toml.
                                  A key is only ever sent to its own provider.
        --insights-base-url <u>   API base URL. Default: $OPENAI_BASE_URL, $ANTHROPIC_BASE_URL or
                                  http://$OLLAMA_HOST/v1, else the provider's own (Ollama: http://localhost:11434/v1)
        --insights-concurrency <n>  Extractions at once, 1–16 (default: 2)
        --no-insights             Extract nothing (stored facets still show)

  Other
        --help             This manual
        --version          The version

  Environment
    TAPES_SQLITE, TAPES_DB   tapes database path when --sqlite is not given
    TAPES_DATABASE_URL       tapes' PostgreSQL when --postgres is not given (also TAPES_STORAGE_POSTGRES_DSN)
    TAPES_API_URL            tapes' HTTP API when --tapes-api is not given and no PostgreSQL is found
    CLAUDE_CONFIG_DIR        Claude Code config directories, comma-separated (when --claude is not given)
    CODEX_HOME               Codex homes, comma-separated (when --codex is not given)
    XDG_DATA_HOME            base of tapedeck's data directory (default ~/.local/share): the index, the demo,
                             the catalog data pricing --update saves (tapedeck/genai-prices.json) and the
                             catalog's kept answers (tapedeck/genai-prices-lookups.json)
    TZ                       default time zone, as the C library reads it (:zone, a zoneinfo file, empty for UTC);
                             one that names no zone means UTC, with a line saying so
    OPENAI_API_KEY, ANTHROPIC_API_KEY   insights keys (see --insights-key)
    OPENAI_BASE_URL, ANTHROPIC_BASE_URL, OLLAMA_HOST   insights endpoints (see --insights-base-url)
    NO_COLOR                 disable colour
    TAPEDECK_READER_THREAD   off: a tapes server's first import, a large tapes file's first sync, and a large
                             import of transcript files by sync or a report, read on the sync's own thread (by
                             default a thread of its own reads and prepares the rows or parses the files while
                             the sync writes)
    PAGER, VISUAL, EDITOR    the explorer's o and v

  Exit status
    0 when something could be read (problems with single rows are warnings), 1 when nothing could be read
    or a flag is unknown or invalid; search also exits 1 when nothing matches. After R, the agent's own
    exit status.

  Examples
    $ tapedeck --demo
    $ tapedeck sessions --since 7d --sort tokens --json
    $ tapedeck show 3f2a91 --md > session.md
    $ tapedeck sessions --claude ~/.claude --source claude-code --json
    $ tapedeck search 'tool:Bash "terraform destroy"' --since 30d
    $ tapedeck search 'rate limit* -test' --json --limit 100
    $ tapedeck sources
    $ tapedeck sessions --postgres postgres://me@tapes.internal/tapes --user me@example.com --json
    $ tapedeck facets --since 30d --insights-provider anthropic
    $ tapedeck insights --since 30d --json
    $ tapedeck daily --since 30d --json
    $ tapedeck pricing claude-opus-4-7 --json
`;
