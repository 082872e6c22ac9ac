import Foundation
import Analysis
import Query
import Server
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The server under test: an index of the bundled corpus plus a hostile fixture document (markup
/// in its text, title and issuer), served in this process on an ephemeral loopback port. Built
/// once per test process; suites only read it.
///
/// The server runs on Swift concurrency's threads, as in `serve`; everything in the tests that
/// blocks (sockets, child processes) runs on a thread of its own (`blocking`), or two parallel
/// tests waiting on the server would hold both of a 2-core machine's cooperative threads.
final class ServerFixture: Sendable {
    private static let instance = Task { try await ServerFixture.start() }

    static func shared() async throws -> ServerFixture { try await instance.value }

    /// The fixture document (Fixtures/, shared with scripts/browser-test): its passages hold a
    /// script tag (with a wide character in it, so the text cleaner keeps it as text), an image with
    /// an onerror handler, and a quote followed by a combining accent, which Mustache's own escaping
    /// (by Character) would let through; its catalog title and issuer hold markup too.
    static let fixtures = Support.root.appendingPathComponent("Tests/ServerTests/Fixtures")
    static let hostileName = "hostile-fixture.txt"

    let corpus: URL
    let index: URL
    let port: Int
    let server: PolicyServer

    private init(corpus: URL, index: URL, port: Int, server: PolicyServer) {
        self.corpus = corpus
        self.index = index
        self.port = port
        self.server = server
    }

    /// Builds the fixture index and starts a server on it.
    static func start(limits: ServerLimits = ServerLimits()) async throws -> ServerFixture {
        let (corpus, index) = try await blocking { try makeIndex() }
        // As the CLI on this index: the synonyms.txt beside its documents (SynonymOptions' default).
        let synonyms = try SynonymTable.load(corpus.appendingPathComponent(SynonymTable.fileName), normalizer: Normalizer())
        let server = try PolicyServer(
            configuration: ServerConfiguration(port: 0, indexDirectory: index, limits: limits, logLevel: .warning, synonyms: synonyms))
        let port = try await withCheckedThrowingContinuation { (c: CheckedContinuation<Int, any Error>) in
            let once = Once(c)
            Task {
                do {
                    try await server.run(handlingSignals: false) { address in
                        once.resume(with: .success(Int(address.split(separator: ":").last?.filter(\.isNumber) ?? "") ?? 0))
                    }
                } catch {
                    once.resume(with: .failure(error))
                }
            }
        }
        return ServerFixture(corpus: corpus, index: index, port: port, server: server)
    }

    static func makeIndex() throws -> (corpus: URL, index: URL) {
        let dir = try Support.temporaryDirectory("server")
        let corpus = dir.appendingPathComponent("corpus")
        let index = dir.appendingPathComponent("index")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for f in try Support.corpusFiles() {
            try FileManager.default.copyItem(at: f, to: corpus.appendingPathComponent(f.lastPathComponent))
        }
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(hostileName), to: corpus.appendingPathComponent(hostileName))
        func object(_ url: URL) throws -> [String: Any] { try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any] }
        let catalog = try object(Support.corpus.appendingPathComponent("catalog.json"))
            .merging(try object(fixtures.appendingPathComponent("catalog.json"))) { $1 }
        try JSONSerialization.data(withJSONObject: catalog).write(to: corpus.appendingPathComponent("catalog.json"))
        let built = try Support.run(["index", "--index", index.path, corpus.path])
        guard built.status == 0 else { throw FixtureError("index failed: \(built.stderr)") }
        return (corpus, index)
    }

    func get(_ target: String) async throws -> HTTPReply {
        let port = port
        return try await blocking { try HTTPReply.request(port: port, target: target) }
    }

    /// A JSON object answer (any status).
    func json(_ target: String) async throws -> [String: Any] {
        let reply = try await get(target)
        guard let object = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any] else {
            throw FixtureError("\(target) did not answer a JSON object: \(reply.text.prefix(200))")
        }
        return object
    }

    /// The CLI's JSON for the same index.
    func cli(_ arguments: [String]) async throws -> [String: Any] {
        try await Self.cli(arguments + ["--index", index.path])
    }

    /// `policy-search ARGUMENTS` printing a JSON object.
    static func cli(_ arguments: [String]) async throws -> [String: Any] {
        let out = try await run(arguments)
        guard out.status == 0, let object = try? JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any] else {
            throw FixtureError("policy-search \(arguments.joined(separator: " ")) failed (\(out.status)): \(out.stderr)")
        }
        return object
    }

    struct Ran: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `Support.run` off the cooperative threads.
    static func run(_ arguments: [String]) async throws -> Ran {
        try await blocking {
            let out = try Support.run(arguments)
            return Ran(status: out.status, stdout: out.stdout, stderr: out.stderr)
        }
    }
}

/// Runs blocking work on a thread of its own and awaits its result.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// Resumes a continuation at most once.
final class Once<T: Sendable>: @unchecked Sendable {
    private var continuation: CheckedContinuation<T, any Error>?
    private let lock = NSLock()
    init(_ c: CheckedContinuation<T, any Error>) { continuation = c }
    func resume(with result: Result<T, any Error>) {
        let c = lock.withLock { () -> CheckedContinuation<T, any Error>? in
            defer { continuation = nil }
            return continuation
        }
        c?.resume(with: result)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Percent-encodes a query value as a browser's form does (everything but unreserved ASCII).
func enc(_ s: String) -> String {
    s.addingPercentEncoding(
        withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"))!
}

/// A raw HTTP/1.1 exchange over a loopback socket: the request target goes out byte for byte (no
/// client normalizes `..` or re-encodes it), which the path traversal tests need.
struct HTTPReply {
    var status: Int
    /// Lowercased names.
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }

    static func request(port: Int, target: String, method: String = "GET", extraHeaders: [String] = [], body: Data = Data()) throws
        -> HTTPReply
    {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError("socket: \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw FixtureError("connect to port \(port): errno \(errno)") }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for h in extraHeaders { head += h + "\r\n" }
        var request = Data((head + "\r\n").utf8)
        request.append(body)
        try request.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw FixtureError("send: errno \(errno)") }
                sent += n
            }
        }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received.append(contentsOf: buffer[0..<n])
        }
        return try parse(received)
    }

    static func parse(_ data: Data) throws -> HTTPReply {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { throw FixtureError("no HTTP header in \(data.count) bytes") }
        let lines = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw FixtureError("bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[split.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return HTTPReply(status: status, headers: headers, body: body)
    }

    static func dechunk(_ data: Data) -> Data {
        var out = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
            if size == 0 { break }
            let start = lineEnd.upperBound
            out.append(rest[start..<(start + size)])
            rest = rest[(start + size + 2)...]
        }
        return out
    }
}
