// Ingestion throughput per input format: the five bundled plans as text, and as the PDF and DOCX
// fixtures LibreOffice made of them (Tests/IngestionTests/Fixtures), and as HTML pages (one <p> per
// line, made here); each file ingested (read, decode or parse, clean, structure) from bytes in
// memory, repeated until a format has run for at least two seconds. For PDF, poppler's own
// `pdftotext -raw` over the same files is timed as the peer (a process per file, as a user runs it).
//   cd Benchmarks && swift run -c release --scratch-path .build ingest-bench
import Foundation
import Ingestion

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let corpus = root.appendingPathComponent("corpus")
let fixtures = root.appendingPathComponent("Tests/IngestionTests/Fixtures")
let names = [
    "sichuan-commerce-14th-fyp", "chongqing-commerce-14th-fyp", "chengdu-services-14th-fyp", "chengdu-ecommerce-14th-fyp",
    "sichuan-trade-power-opinions-draft"
]

func bytes(_ url: URL) -> [UInt8] { (try? [UInt8](Data(contentsOf: url))) ?? [] }

func page(fromText text: String) -> [UInt8] {
    let body = text.split(whereSeparator: \.isNewline).map { line -> String in
        let escaped = line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return "<p>\(escaped)</p>"
    }
    let html =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>x</title></head><body><div class=\"nav\"><a href=\"/\">首页</a></div>"
        + "<div class=\"content\">" + body.joined(separator: "\n") + "</div><div class=\"footer\">版权所有</div></body></html>"
    return Array(html.utf8)
}

struct Input {
    var name: String
    var bytes: [UInt8]
}

var sets: [(format: String, inputs: [Input])] = []
sets.append(("text", names.map { Input(name: $0 + ".txt", bytes: bytes(corpus.appendingPathComponent($0 + ".txt"))) }))
sets.append(("pdf", names.map { Input(name: $0 + ".pdf", bytes: bytes(fixtures.appendingPathComponent($0 + ".pdf"))) }))
sets.append(("docx", names.map { Input(name: $0 + ".docx", bytes: bytes(fixtures.appendingPathComponent($0 + ".docx"))) }))
sets.append(
    (
        "html",
        names.map {
            Input(
                name: $0 + ".html",
                bytes: page(fromText: String(decoding: bytes(corpus.appendingPathComponent($0 + ".txt")), as: UTF8.self)))
        }
    ))

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

// Optional arguments: the formats to run (text pdf docx html); all by default.
let only = Set(CommandLine.arguments.dropFirst())
sets = sets.filter { only.isEmpty || only.contains($0.format) }

print("format  files  input MB  text MB  runs   seconds  input MB/s  text MB/s  passages")
for (format, inputs) in sets {
    guard inputs.allSatisfy({ !$0.bytes.isEmpty }) else {
        print("\(format): inputs missing")
        continue
    }
    let inputBytes = inputs.reduce(0) { $0 + $1.bytes.count }
    var textBytes = 0, passages = 0
    for i in inputs {
        let d = try Ingestor.ingest(bytes: i.bytes, name: i.name)
        textBytes += d.passages.reduce(0) { $0 + $1.text.utf8.count }
        passages += d.passages.count
    }
    var runs = 0
    let start = now()
    while now() - start < 2 || runs < 3 {
        for i in inputs { _ = try Ingestor.ingest(bytes: i.bytes, name: i.name) }
        runs += 1
    }
    let seconds = (now() - start) / Double(runs)
    print(
        String(
            format: "%-6@  %5d  %8.2f  %7.2f  %4d  %8.4f  %10.2f  %9.2f  %8d", format as NSString, inputs.count, Double(inputBytes) / 1e6,
            Double(textBytes) / 1e6, runs, seconds, Double(inputBytes) / 1e6 / seconds, Double(textBytes) / 1e6 / seconds, passages))
}

// Peer for PDF: pdftotext -raw (poppler's command-line reader), one process per file.
let tool = URL(fileURLWithPath: "/usr/bin/pdftotext")
if FileManager.default.isExecutableFile(atPath: tool.path), only.isEmpty || only.contains("pdf") {
    let pdfs = names.map { fixtures.appendingPathComponent($0 + ".pdf") }
    let inputBytes = pdfs.reduce(0) { $0 + bytes($1).count }
    var runs = 0
    let start = now()
    while now() - start < 2 || runs < 3 {
        for p in pdfs {
            let process = Process()
            process.executableURL = tool
            process.arguments = ["-raw", p.path, "/dev/null"]
            try process.run()
            process.waitUntilExit()
        }
        runs += 1
    }
    let seconds = (now() - start) / Double(runs)
    print(
        String(
            format: "peer: pdftotext -raw over the same PDFs: %.4f s per pass, %.2f input MB/s", seconds, Double(inputBytes) / 1e6 / seconds
        ))
}
