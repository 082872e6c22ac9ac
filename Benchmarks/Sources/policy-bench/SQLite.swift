import CSQLite
import Foundation

private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Minimal SQLite wrapper for the FTS5 comparison.
final class SQLiteDB {
    let handle: OpaquePointer

    init(path: String) {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let db else {
            fatal("sqlite3_open_v2 \(path) failed")
        }
        handle = db
    }

    deinit { sqlite3_close_v2(handle) }

    func exec(_ sql: String) {
        var err: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &err) != SQLITE_OK {
            let m = err.map { String(cString: $0) } ?? "?"
            sqlite3_free(err)
            fatal("sqlite: \(m) in \(sql)")
        }
    }

    func prepare(_ sql: String) -> Statement {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil) == SQLITE_OK, let stmt else {
            fatal("sqlite prepare: \(String(cString: sqlite3_errmsg(handle))) in \(sql)")
        }
        return Statement(stmt, db: handle)
    }

    static var version: String { String(cString: sqlite3_libversion()) }
}

final class Statement {
    let stmt: OpaquePointer
    let db: OpaquePointer
    init(_ stmt: OpaquePointer, db: OpaquePointer) {
        self.stmt = stmt
        self.db = db
    }
    deinit { sqlite3_finalize(stmt) }

    func bind(_ i: Int32, _ text: String) { sqlite3_bind_text(stmt, i, text, -1, SQLITE_TRANSIENT) }
    func bind(_ i: Int32, _ v: Int) { sqlite3_bind_int64(stmt, i, sqlite3_int64(v)) }

    /// Steps to the end; calls `row` for each row. Resets afterwards.
    func run(_ row: (OpaquePointer) -> Void = { _ in }) {
        defer { sqlite3_reset(stmt) }
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_ROW {
                row(stmt)
                continue
            }
            if rc == SQLITE_DONE { return }
            fatal("sqlite step: \(String(cString: sqlite3_errmsg(db)))")
        }
    }
}
