import Foundation
import Research

/// JSON on standard output. The shapes live in Research (`JSONShapes.swift`), shared with `serve`.
enum JSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONShapes.encode(value), as: UTF8.self)
    }

    static func print<T: Encodable>(_ value: T) throws {
        Swift.print(try encode(value))
    }
}
