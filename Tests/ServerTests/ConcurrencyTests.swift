import Foundation
import Testing

/// Requests are served concurrently over the one shared index, and concurrency changes no answer.
@Suite struct ConcurrencyTests {
    @Test func concurrentRequestsGetTheSequentialAnswers() async throws {
        let f = try await ServerFixture.shared()
        let targets =
            ["跨境电商", "海外仓", "电商 -跨境", "\"优化营商环境\"", "发展", "成都 重庆", "NEAR/20(跨境电商, 海外仓)", "港"].map {
                "/api/search?q=\(enc($0))&limit=20&explain=1"
            } + [
                "/api/passage?id=\(enc("chongqing-commerce-14th-fyp.txt#42"))", "/?q=\(enc("数字经济"))",
                "/api/similar?id=\(enc("chengdu-ecommerce-14th-fyp.txt#115"))"
            ]
        var expected: [Data] = []
        for t in targets { expected.append(try await f.get(t).body) }
        // 16 clients at once, each sending 6 requests one after another.
        let port = f.port
        let answers = expected
        let failures = try await blocking {
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: 16) { worker in
                for round in 0..<6 {
                    let k = (worker + round) % targets.count
                    do {
                        let reply = try HTTPReply.request(port: port, target: targets[k])
                        if reply.status != 200 || reply.body != answers[k] { failures.add("\(targets[k]): \(reply.status)") }
                    } catch {
                        failures.add("\(targets[k]): \(error)")
                    }
                }
            }
            return failures.all
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }
}

final class Failures: @unchecked Sendable {
    private var items: [String] = []
    private let lock = NSLock()
    func add(_ s: String) { lock.withLock { items.append(s) } }
    var all: [String] { lock.withLock { items } }
}
