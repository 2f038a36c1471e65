// The manual `tapedeck --help` prints: every command, flag, environment variable and default.

export const HELP = `
  A terminal explorer for recorded LLM agent sessions: where the money, tokens and time went.

  Usage
    $ tapedeck [command] [flags]

  Commands
    (none)           Open the explorer; when stdin or stdout is not a terminal, print the sessions report
    sessions         Print the session list with totals (table, --json or --csv)
    show <id>        Print one session (a unique ID prefix is enough); --json, --csv, --md
    analytics        Print analytics: activity by day, buckets, tools, models, providers (--json, --csv)
    sync             Bring the index up to date with the sources and print what changed

  Sources
    -s, --sqlite <path>    tapes SQLite database (read-only). Default: $TAPES_SQLITE, $TAPES_DB, then the first
                           of $XDG_DATA_HOME/tapes/tapes.db, …/tapes.sqlite, ~/.tapes/tapes.db, ~/.tapes/tapes.sqlite,
                           ./tapes.db, ./tapes.sqlite, ./.tapes/tapes.db, ./.tapes/tapes.sqlite
    -m, --demo             Use the built-in demo data (seeded once into $XDG_DATA_HOME/tapedeck/demo)
    -f, --overwrite        With --demo: seed the demo again (removes the old file and its -wal/-shm)
        --index <path>     tapedeck's own index. Default: $XDG_DATA_HOME/tapedeck/index.sqlite
                           (~/.local/share/tapedeck/index.sqlite); the demo keeps its own next to its data
        --pricing <file>   JSON price overrides per model, USD per 1M tokens:
                           {"gpt-5": {"input": 1.25, "output": 10, "cache_read": 0.125, "cache_write": 1.25}}
                           Fields left out keep the built-in price.

  Filters (every command and the explorer)
        --since <period>   24h, 7d, 30d, 90d, any N with m/h/d/w, or 0/all (default: all)
        --from <date>      YYYY-MM-DD (start of that day) or RFC 3339
        --to <date>        YYYY-MM-DD (includes that whole day) or RFC 3339
        --tz <zone>        IANA time zone for days and dates (default: the local zone, $TZ)
        --model <name>     Dominant model, e.g. claude-sonnet-4.5 (dated IDs are normalized)
        --status <s>       completed, failed, abandoned or unknown
        --project <name>   Exact project name
        --agent <name>     Exact agent name
        --source <kind>    tapes
        --search <text>    Substring of label, project, model or ID
        --sort <key>       date, label, project, agent, model, status, duration, messages, tools, tokens, cost
                           (default: cost)
        --sort-dir <dir>   asc or desc (default: desc)

  Output
        --json             JSON (snake_case fields, durations in ns, times in RFC 3339)
        --csv              CSV (sessions; show: one row per message; analytics: section,key,metric,value)
        --md               Markdown (show)

  Explorer
        --refresh <sec>    Sync again every N seconds while open (default: 10; 0 turns it off)
        --theme <name>     dark or light (default: dark); NO_COLOR turns colour off

  Other
        --help             This manual
        --version          The version

  Environment
    TAPES_SQLITE, TAPES_DB   tapes database path when --sqlite is not given
    XDG_DATA_HOME            base of tapedeck's data directory (default ~/.local/share)
    TZ                       default time zone
    NO_COLOR                 disable colour

  Exit status
    0 when something could be read (problems with single rows are warnings), 1 when nothing could be read
    or a flag is invalid.

  Examples
    $ tapedeck --demo
    $ tapedeck sessions --since 7d --sort tokens --json
    $ tapedeck show 3f2a91 --md > session.md
`;
