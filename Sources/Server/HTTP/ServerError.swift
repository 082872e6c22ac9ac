import Foundation
import Hummingbird
import Index
import Query
import Research

/// A request the server refuses or cannot answer: the HTTP status and a message the user can act
/// on. API errors are written as `{"status": 400, "error": "…", "column": 3}` (column only for
/// query errors), pages as an error page; never a stack trace.
struct ServerError: Error, Sendable, Equatable {
    var status: HTTPResponse.Status
    var message: String
    /// 1-based character column of a malformed query's problem.
    var column: Int?
    /// The message in Chinese for an error page, where one was written (the API keeps `message`).
    var chinese: String?

    init(_ status: HTTPResponse.Status, _ message: String, column: Int? = nil, chinese: String? = nil) {
        self.status = status
        self.message = message
        self.column = column
        self.chinese = chinese
    }

    static func badRequest(_ message: String, chinese: String? = nil) -> ServerError { ServerError(.badRequest, message, chinese: chinese) }
    static func notFound(_ message: String, chinese: String? = nil) -> ServerError { ServerError(.notFound, message, chinese: chinese) }

    /// What the client is told about any error. Errors of the library keep their own messages
    /// (they are written for users); anything unexpected becomes a bare 500, its detail logged only.
    static func from(_ error: Error) -> (error: ServerError, unexpected: Bool) {
        switch error {
        case let e as ServerError: return (e, false)
        case let e as QueryError: return (ServerError(.badRequest, e.message, column: e.column, chinese: e.chinese), false)
        case let e as ReuseError: return (ServerError(.badRequest, e.description, chinese: e.chinese), false)
        case let e as BM25.InvalidParameter: return (ServerError(.badRequest, e.description), false)
        case let e as IndexError: return (ServerError(.serviceUnavailable, "the index cannot be read: \(e)"), false)
        case let e as HTTPError:
            let message =
                e.status == .notFound
                ? "no such page or API endpoint; the API is described in docs/openapi.yaml"
                : e.body ?? e.status.reasonPhrase
            return (ServerError(e.status, message, chinese: e.status == .notFound ? "没有这个页面" : nil), false)
        default: return (ServerError(.internalServerError, "internal error; the server log has the details"), true)
        }
    }

    struct Body: Encodable {
        var status: Int
        var error: String
        var column: Int?
    }

    var json: Body { Body(status: status.code, error: message, column: column) }
}
