import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One log line per request, after it is answered: method, target, status, bytes, milliseconds.
/// At level debug, also a line when a request starts.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        var target: String {
            let t = request.uri.string
            return t.unicodeScalars.count > 300 ? String(t.unicodeScalars.prefix(300)) + "…" : t
        }
        logger.debug("\(request.method.rawValue) \(target) started")
        func log(_ status: Int, _ bytes: Int?) {
            // Milliseconds with two decimals, without Foundation's String(format:) (microseconds a call).
            let hundredths = (DispatchTime.now().uptimeNanoseconds - start + 5_000) / 10_000
            let ms = "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)"
            logger.info("\(request.method.rawValue) \(target) \(status) \(bytes.map { "\($0) B" } ?? "-") \(ms) ms")
        }
        do {
            let response = try await next(request, context)
            log(response.status.code, response.body.contentLength)
            return response
        } catch {
            log(500, nil)
            throw error
        }
    }
}

/// Headers every response carries. The policy allows scripts, styles and images from this server
/// only: no inline script or style, nothing from the network, no framing, forms post back here.
enum SecurityHeaders {
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    static let headers: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, contentSecurityPolicy),
        (.xContentTypeOptions, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("Cross-Origin-Resource-Policy")!, "same-origin")
    ]
}

/// Adds `SecurityHeaders` to every response that does not set them itself.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for (name, value) in SecurityHeaders.headers where response.headers[name] == nil { response.headers[name] = value }
        return response
    }
}

/// Turns every error into a response: JSON under /api/, an error page elsewhere (see `ServerError`).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (e, unexpected) = ServerError.from(error)
            if unexpected { logger.error("\(request.method.rawValue) \(request.uri.path): \(error)") }
            var response =
                request.uri.path.hasPrefix("/api/") || request.uri.path == "/api"
                ? try Responses.json(e.json, status: e.status)
                : Responses.html(
                    PageRenderer.shared.errorPage(e, path: request.uri.path, query: Self.query(of: request)), status: e.status)
            if e.status == .methodNotAllowed {
                response.headers[.allow] = LimitsMiddleware<Context>.postPaths.contains(request.uri.path) ? "GET, HEAD, POST" : "GET, HEAD"
            }
            return response
        }
    }

    /// The search query of a page request, if it had one (kept in the error page's box); nothing
    /// for a request too broken to read.
    static func query(of request: Request) -> String? {
        guard let q = try? QueryParameters(query: request.uri.query).string("q"), !q.isEmpty, q.count <= 500 else { return nil }
        return q
    }
}

/// Refuses what no route needs before any work is done: methods other than GET and HEAD (but POST
/// of a report's form), long request targets, large request bodies.
struct LimitsMiddleware<Context: RequestContext>: RouterMiddleware {
    let limits: ServerLimits
    static var postPaths: Set<String> { ["/report", "/api/report"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let postable = request.method == .post && Self.postPaths.contains(request.uri.path)
        guard request.method == .get || request.method == .head || postable else {
            throw ServerError(
                .methodNotAllowed,
                "\(request.method.rawValue) is not supported here; pages and API endpoints are GET (a report also takes POST)")
        }
        let length = request.uri.string.utf8.count
        guard length <= limits.maxURIBytes else {
            throw ServerError(.uriTooLong, "the request target is \(length) bytes long; the limit is \(limits.maxURIBytes)")
        }
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limits.maxBodyBytes {
            throw ServerError(
                .contentTooLarge, "the request body is \(declared) bytes; the limit is \(limits.maxBodyBytes)",
                chinese: "提交的内容有 \(declared) 字节，超过上限 \(limits.maxBodyBytes) 字节；请把词表分成几份提交，或用命令行 report")
        }
        return try await next(request, context)
    }
}
