import Foundation
import Hummingbird
import NIOCore
import Research

/// Response builders: JSON in the CLI's shapes (compact, keys sorted), HTML pages, bundled bytes.
enum Responses {
    static let jsonType = "application/json; charset=utf-8"

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        bytes(try JSONShapes.encode(value, pretty: false), type: jsonType, status: status, cache: "no-store")
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    static func bytes(
        _ data: some Collection<UInt8>, type: String, status: HTTPResponse.Status = .ok, cache: String, extra: HTTPFields = [:]
    ) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = cache
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A file to save (reports): `attachment` with an ASCII-safe file name.
    static func download(_ text: String, type: String, fileName: String, contentSecurityPolicy: String? = nil) -> Response {
        download(Array(text.utf8), type: type, fileName: fileName, contentSecurityPolicy: contentSecurityPolicy)
    }

    static func download(_ data: [UInt8], type: String, fileName: String, contentSecurityPolicy: String? = nil) -> Response {
        var extra = HTTPFields()
        extra[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        if let contentSecurityPolicy { extra[.contentSecurityPolicy] = contentSecurityPolicy }
        return bytes(data, type: type, cache: "no-store", extra: extra)
    }
}
