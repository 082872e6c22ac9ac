import Foundation
import Testing
@testable import Ingestion

@Suite struct ScratchDump {
    @Test func dump() throws {
        for n in CorpusSupport.names {
            let d = try CorpusSupport.document(n)
            var out = "title=\(d.title) enc=\(d.encoding)\n"
            for p in d.passages {
                out += "[\(p.kind.rawValue)] \(p.firstLine)-\(p.lastLine) #\(p.ordinal) path=\(p.path.joined(separator: " > ")) box=\(p.box ?? "-")\n    \(p.text)\n"
            }
            try out.write(toFile: "/tmp/dump-\(n).txt", atomically: true, encoding: .utf8)
        }
    }
}
