import Dispatch
import Foundation
import Hummingbird
import Index
import Query
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// What `policy-search serve` is told: where to listen, which index, how much to allow.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port (tests); the address actually bound is reported to `onRunning`.
    public var port: Int
    public var indexDirectory: URL
    public var limits: ServerLimits
    public var logLevel: Logger.Level
    /// The synonym groups searches expand plain parts with, as the CLI's (`SynonymOptions`: the
    /// synonyms.txt beside the indexed documents, `--synonyms FILE`, or none with `--exact`).
    public var synonyms: SynonymTable?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, indexDirectory: URL, limits: ServerLimits = ServerLimits(),
        logLevel: Logger.Level = .info, synonyms: SynonymTable? = nil
    ) {
        self.host = host
        self.port = port
        self.indexDirectory = indexDirectory
        self.limits = limits
        self.logLevel = logLevel
        self.synonyms = synonyms
    }

    /// Whether `host` only accepts connections from this machine.
    public var isLoopback: Bool { Self.isLoopback(host) }

    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        return h == "localhost" || h == "::1" || h == "[::1]" || h.hasPrefix("127.")
    }
}

/// The server could not listen where it was told to.
public struct ListenError: Error, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var reason: String

    public var description: String {
        "cannot listen on \(host):\(port): \(reason.lowercased()); another program may be using the port: "
            + "choose one with --port (0 picks a free one)"
    }
}

/// Bounds on what one request may ask for, so time and memory per request are bounded.
public struct ServerLimits: Sendable {
    /// Longest request target (path and query string), in bytes.
    public var maxURIBytes = 8192
    /// Largest request body: a report form's pasted term list, form-encoded (a Chinese character
    /// takes nine bytes: 500 terms of 40 characters fit).
    public var maxBodyBytes = 256 * 1024
    /// Longest query, in characters (the query language's own limit is higher, for the CLI).
    public var maxQueryLength = 500
    /// Most hits one search request may return, and the deepest rank paging may reach.
    public var maxResults = 1000
    /// Most neighbours shown on each side of a passage.
    public var maxContext = 20
    /// Longest text `similar` compares, in characters.
    public var maxSimilarText = 5000
    /// Lowest similarity `reuse` and `similar` accept: below it nearly every passage is a
    /// candidate of every other, and each candidate is aligned.
    public var minSimilarity = 0.1
    /// Most passage pairs a reuse request may produce (replicated corpora have millions at low
    /// thresholds; aligning them all would hold the server for minutes).
    public var maxReusePairs = 2000

    public init() {}
}

/// The web app and JSON API over one index (`policy-search serve`). Routes call the same Query
/// and Research functions as the CLI commands and answer with the same JSON shapes; pages are
/// Mustache templates compiled into the binary.
public struct PolicyServer: Sendable {
    public let configuration: ServerConfiguration
    let store: IndexStore
    let logger: Logger

    /// Opens the index once (it is shared read-only by every request and reopened when replaced).
    public init(configuration: ServerConfiguration, logger: Logger? = nil) throws {
        self.configuration = configuration
        var log = logger ?? Logger(label: "policy-search.serve") { LineLogHandler(label: $0) }
        log.logLevel = configuration.logLevel
        self.logger = log
        store = try IndexStore(directory: configuration.indexDirectory, synonyms: configuration.synonyms, logger: log)
        _ = PageRenderer.shared  // parses the bundled templates now, not on the first page request
    }

    /// The Hummingbird application; `onRunning` gets the bound address (e.g. http://127.0.0.1:8080/).
    public func application(onRunning: @escaping @Sendable (String) -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.addMiddleware {
            RequestLogMiddleware(logger: logger)
            SecurityHeadersMiddleware()
            ErrorMiddleware(logger: logger)
            LimitsMiddleware(limits: configuration.limits)
        }
        let context = RouteContext(store: store, limits: configuration.limits, logger: logger)
        APIRoutes(context: context).register(on: router)
        PageRoutes(context: context).register(on: router)
        AssetRoutes().register(on: router)
        let host = configuration.host
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "policy-search"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                onRunning("http://\(shown):\(port)/")
            },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM (or the task is cancelled), then lets open requests finish
    /// and returns. Tests pass `handlingSignals: false` to leave their process's signals alone.
    public func run(handlingSignals: Bool = true, onRunning: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        // swift-service-lifecycle: on SIGTERM or SIGINT the group asks the server to shut down
        // gracefully (stop accepting, answer the requests under way, close), then returns.
        let group = ServiceGroup(
            configuration: .init(
                services: [application(onRunning: onRunning)], gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [],
                logger: logger))
        do {
            try await group.run()
        } catch let e as IOError where [EADDRINUSE, EACCES, EADDRNOTAVAIL].contains(e.errnoCode) {
            throw ListenError(host: configuration.host, port: configuration.port, reason: String(cString: strerror(e.errnoCode)))
        }
    }

    /// `run` for a synchronous caller (the CLI's commands are synchronous): blocks this thread
    /// while the server runs. Call it before anything else in the process uses Swift concurrency:
    /// it makes SwiftNIO's event loop threads Swift concurrency's executor, so a request is read,
    /// answered and written on one thread instead of hopping between two thread pools (on two
    /// cores that halved throughput and put tens of milliseconds of scheduling into p99).
    public func runBlocking(onRunning: @escaping @Sendable (String) -> Void) throws {
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let outcome = Locked<Error?>(nil)
        let done = DispatchSemaphore(value: 0)
        let server = self
        Task {
            do { try await server.run(onRunning: onRunning) } catch { outcome.set(error) }
            done.signal()
        }
        done.wait()
        if let error = outcome.get() { throw error }
    }
}
