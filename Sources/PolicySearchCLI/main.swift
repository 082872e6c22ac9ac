import Foundation
import Ingestion
let url = URL(fileURLWithPath: CommandLine.arguments[1])
let doc = try Ingestor.ingest(fileAt: url)
print(doc.title)
for h in doc.headings { print(String(repeating: "  ", count: h.depth - 1) + h.display + "  @\(h.line)") }
if CommandLine.arguments.count > 2 { for p in doc.passages { print("[\(p.kind) \(p.firstLine)-\(p.lastLine)] \(p.path.joined(separator: " › ")) \(p.box ?? "") :: \(p.text.prefix(60))") } }
