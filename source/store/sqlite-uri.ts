// Lets SQLite read `file:` URIs, which the tapes reader needs for `immutable=1` (a WAL database read
// without creating -wal/-shm files beside it). better-sqlite3 reads this variable once, when its native
// addon loads at the first `new Database`, so this module is imported before better-sqlite3 everywhere
// the index or a source is opened. Plain paths are unaffected; only names starting with `file:` change.
process.env['SQLITE_USE_URI'] ??= '1';
