import Foundation
import Server
import Testing

/// Bad requests get a JSON error with their status and a message naming what to change; limits
/// on request size, query length and result counts hold.
@Suite struct APIErrorTests {
    func error(
        _ f: ServerFixture, _ target: String, _ status: Int, containing words: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let reply = try await f.get(target)
        #expect(reply.status == status, "\(target)", sourceLocation: sourceLocation)
        #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
        let object = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any], sourceLocation: sourceLocation)
        #expect(object["status"] as? Int == status, sourceLocation: sourceLocation)
        let message = object["error"] as? String ?? ""
        for w in words { #expect(message.contains(w), "“\(message)” lacks “\(w)”", sourceLocation: sourceLocation) }
        #expect(!message.contains("Swift") && !message.contains(".swift:"), "no internals in \(message)", sourceLocation: sourceLocation)
    }

    @Test func malformedQueriesPointAtTheColumn() async throws {
        let f = try await ServerFixture.shared()
        try await error(f, "/api/search?q=\(enc("\"跨境"))", 400, containing: ["quote"])
        let object = try await f.json("/api/search?q=\(enc("跨境电商 OR"))")
        #expect(object["status"] as? Int == 400 && object["column"] as? Int == 6)
        try await error(f, "/api/search?q=\(enc("(海外仓"))", 400, containing: ["parenthesis"])
    }

    @Test func missingAndInvalidParameters() async throws {
        let f = try await ServerFixture.shared()
        try await error(f, "/api/search", 400, containing: ["q is required"])
        try await error(f, "/api/search?q=a&limit=abc", 400, containing: ["limit", "abc"])
        try await error(f, "/api/search?q=a&limit=-1", 400, containing: ["limit"])
        try await error(f, "/api/search?q=a&limit=", 400, containing: ["limit", "whole number"])
        try await error(f, "/api/search?q=a&explain=maybe", 400, containing: ["explain"])
        try await error(f, "/api/search?q=a&b=2", 400, containing: ["b must be"])
        try await error(f, "/api/search?q=a&region=\(enc("四\"川"))", 400, containing: ["quote"])
        try await error(f, "/api/search?q=%E8%B7%A8%ZZ", 400, containing: ["URL encoding"])
        try await error(f, "/api/passage", 400, containing: ["id is required"])
        try await error(f, "/api/similar?id=x%231&text=abc", 400, containing: ["not both"])
        try await error(f, "/api/similar?text=\(enc("，。"))", 400, containing: ["no letters or digits"])
        try await error(f, "/api/reuse?min=0", 400, containing: ["min", "0.1 to 1"])
        try await error(f, "/api/similar?text=\(enc("跨境电商综合试验区建设"))&min=0.05", 400, containing: ["min", "0.1 to 1"])
        try await error(f, "/api/reuse?docs=\(enc("量子纠缠"))", 400, containing: ["matches no document"])
    }

    @Test func unknownThingsAre404() async throws {
        let f = try await ServerFixture.shared()
        try await error(f, "/api/passage?id=\(enc("chongqing-commerce-14th-fyp.txt#99999"))", 404, containing: ["no passage"])
        try await error(f, "/api/passage?id=nonsense", 404, containing: ["FILE#N"])
        try await error(f, "/api/outline?doc=missing.txt", 404, containing: ["missing.txt"])
        try await error(f, "/api/nothing-here", 404, containing: ["openapi"])
        try await error(f, "/api/search/extra", 404, containing: ["openapi"])
    }

    @Test func limitsOnResultsQueryLengthAndRequestSize() async throws {
        let f = try await ServerFixture.shared()
        let max = ServerLimits().maxResults
        try await error(f, "/api/search?q=a&limit=\(max + 1)", 400, containing: ["limit", "\(max)"])
        try await error(f, "/api/search?q=a&offset=\(max)&limit=1", 400, containing: ["offset + limit"])
        let long = String(repeating: "电", count: ServerLimits().maxQueryLength + 1)
        try await error(f, "/api/search?q=\(enc(long))", 400, containing: ["q is", "limit"])
        try await error(f, "/api/search?q=" + String(repeating: "a", count: ServerLimits().maxURIBytes), 414, containing: ["bytes"])
        let port = f.port
        let upload = try await blocking {
            try HTTPReply.request(port: port, target: "/api/search?q=a", extraHeaders: ["Content-Length: 1000000"])
        }
        #expect(upload.status == 413)
        // A report form's term list of 450 lines of 16 characters (the helper's: 66 KB once
        // form-encoded, each character nine bytes) is within the limit.
        let line = "跨境电商海外仓数字贸易服务外包平台"
        let form = "terms=" + (0..<450).map { _ in enc(line) }.joined(separator: "%0A")
        #expect(form.utf8.count > 64 * 1024)
        let report = try await blocking {
            try HTTPReply.request(
                port: port, target: "/api/report", method: "POST",
                extraHeaders: ["Content-Type: application/x-www-form-urlencoded", "Content-Length: \(form.utf8.count)"],
                body: Data(form.utf8))
        }
        #expect(report.status == 200, "\(report.status) \(report.text.prefix(200))")
        let post = try await blocking {
            try HTTPReply.request(
                port: port, target: "/api/search?q=a", method: "POST", extraHeaders: ["Content-Length: 2"], body: Data("{}".utf8))
        }
        #expect(post.status == 405 && post.text.contains("GET") && post.headers["allow"] == "GET, HEAD")
    }

    @Test func tightLimitsHold() async throws {
        var limits = ServerLimits()
        limits.maxReusePairs = 3
        limits.maxResults = 20
        limits.maxQueryLength = 8
        let tight = try await ServerFixture.start(limits: limits)
        // As many hits as the limit, and no more.
        let all = try await tight.json("/api/search?q=\(enc("的"))&limit=20")
        #expect((all["hits"] as? [Any])?.count == 20 && (all["total"] as? Int ?? 0) > 20)
        try await error(tight, "/api/search?q=\(enc("的"))&limit=21", 400, containing: ["limit", "20"])
        try await error(tight, "/api/search?q=\(enc("的"))&limit=10&offset=11", 400, containing: ["offset + limit", "20"])
        try await error(tight, "/api/search?q=\(enc("成渝地区双城经济圈"))", 400, containing: ["9 characters", "limit is 8"])
        #expect(try await tight.get("/?q=\(enc("的"))&page=3").status == 400)
        // Reuse refuses more pairs than it aligns for one request, and says what to change.
        let reply = try await tight.get("/api/reuse?min=0.5")
        #expect(reply.status == 422)
        #expect(reply.text.contains("at most 3") && reply.text.contains("min"))
        #expect(try await tight.get("/api/reuse?min=0.99&docs=\(enc("chongqing"))").status == 200)
    }
}
