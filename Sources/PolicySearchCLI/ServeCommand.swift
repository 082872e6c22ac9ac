import ArgumentParser
import Foundation
import Logging
import Server

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a search page and a JSON API over the index, in the browser.",
        discussion: """
            Prints the address to open. Listens on the loopback interface unless --host says otherwise. \
            The index is shared by every request and reopened when `policy-search index` replaces it. \
            Ctrl-C (SIGINT) or SIGTERM stops the server once open requests are answered. \
            One log line per request on standard error. API: README, "Web app and API"; docs/openapi.yaml.
            """)

    @Option(help: "Address to listen on; anything but loopback (127.0.0.1, ::1, localhost) makes the index readable by other machines.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port = 8080

    @Option(
        name: .customLong("log-level"), help: "Request log: info (one line per request), debug (also when each starts), warning, error.")
    var logLevel = "info"

    @OptionGroup var location: IndexOptions

    @OptionGroup var synonymOptions: SynonymOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        // A host that does not resolve is a usage error here, not a socket error after start-up.
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &found) == 0 else {
            throw ValidationError("--host \(host) is not an address or name of this machine (e.g. 127.0.0.1, ::1, 0.0.0.0, localhost)")
        }
        freeaddrinfo(found)
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        // Builds the bundled corpus's index first when it is missing or stale, as every command does.
        let reader = try location.open()
        let configuration = ServerConfiguration(
            host: host, port: port, indexDirectory: location.directory, logLevel: Logger.Level(rawValue: logLevel) ?? .info,
            synonyms: try synonymOptions.table(for: reader))
        if !configuration.isLoopback {
            FileHandle.standardError.write(
                "policy-search: warning: listening on \(host), not loopback: anyone who can reach this machine can read the index\n")
        }
        let server = try PolicyServer(configuration: configuration)
        do {
            try server.runBlocking { address in
                FileHandle.standardOutput.write("Serving \(location.directory.path) at \(address)  (Ctrl-C stops)\n")
            }
        } catch let e as ListenError {
            throw CLIError(e.description)
        }
    }
}
