import Query

/// Compact JSON written straight into bytes, for the server's hottest response (`/api/search`):
/// Foundation's `JSONEncoder` takes about 0.3 ms for ten hits (a tree of boxed values, then
/// sorting), ten times the query itself. The output is what `JSONShapes.encode(_, pretty: false)`
/// writes for the same value, keys in the same sorted order (ServerTests compare the two).
public struct CompactJSON {
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false

    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    public mutating func object(_ body: (inout CompactJSON) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    public mutating func array<S: Sequence>(_ items: S, _ element: (inout CompactJSON, S.Element) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for item in items { element(&self, item) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A key of the object being written; its value follows.
    public mutating func key(_ k: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        k.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    public mutating func string(_ s: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Runs that need no escaping (nearly all text) are copied whole.
            var start = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                escape(b)
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    private mutating func escape(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), b])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)]])
        }
    }

    public mutating func string(_ s: String?) {
        if let s { string(s) } else { null() }
    }

    public mutating func int(_ n: Int) { raw(String(n)) }

    public mutating func int(_ n: Int?) {
        if let n { int(n) } else { null() }
    }

    /// As `JSONEncoder` writes a double: its shortest round-trip form, without a trailing ".0".
    public mutating func double(_ x: Double) {
        guard x.isFinite else { return null() }
        if x == x.rounded(), abs(x) < 1e15 { return raw(String(Int(x))) }
        raw(x.description)
    }

    public mutating func bool(_ b: Bool) { raw(b ? "true" : "false") }

    public mutating func null() { raw("null") }

    private mutating func raw(_ s: String) {
        separate()
        bytes.append(contentsOf: s.utf8)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }
}

extension SearchJSON {
    /// This value as `JSONShapes.encode(self, pretty: false)` writes it, about ten times faster.
    public func compactJSON() -> [UInt8] {
        var w = CompactJSON(capacity: 1024 + hits.count * 1024)
        w.object { w in
            if let documents {
                w.key("documents")
                w.array(documents) { w, d in
                    w.object { w in
                        w.key("best")
                        w.string(d.best)
                        w.key("doc")
                        w.string(d.doc)
                        w.key("passages")
                        w.int(d.passages)
                        w.key("score")
                        w.double(d.score)
                        w.key("title")
                        w.string(d.title)
                    }
                }
            }
            w.key("hits")
            w.array(hits) { w, h in h.write(&w) }
            w.key("notes")
            w.array(notes) { w, n in w.string(n) }
            w.key("query")
            w.string(query)
            if let suggestions {
                w.key("suggestions")
                w.array(suggestions) { w, s in
                    w.object { w in
                        w.key("part")
                        w.string(s.part)
                        w.key("passages")
                        w.int(s.passages)
                        w.key("text")
                        w.string(s.text)
                    }
                }
            }
            w.key("total")
            w.int(total)
        }
        return w.bytes
    }
}

extension SearchJSON.HitJSON {
    func write(_ w: inout CompactJSON) {
        let p = passage
        w.object { w in
            w.key("box")
            w.string(p.box)
            w.key("doc")
            w.string(p.doc)
            if let explain {
                w.key("explain")
                explain.write(&w)
            }
            w.key("highlights")
            w.array(highlights) { w, range in w.array(range) { w, n in w.int(n) } }
            w.key("lastPage")
            w.int(p.lastPage)
            w.key("line")
            w.int(p.line)
            w.key("matched")
            w.array(matched) { w, m in w.string(m) }
            w.key("page")
            w.int(p.page)
            w.key("passage")
            w.string(p.passage)
            w.key("path")
            w.array(p.path) { w, s in w.string(s) }
            w.key("rank")
            w.int(rank)
            w.key("score")
            w.double(score)
            w.key("text")
            w.string(p.text)
            w.key("title")
            w.string(p.title)
        }
    }
}

extension Explanation {
    func write(_ w: inout CompactJSON) {
        w.object { w in
            w.key("N")
            w.int(N)
            w.key("avgdl")
            w.double(avgdl)
            w.key("b")
            w.double(b)
            w.key("bm25")
            w.double(bm25)
            w.key("boosts")
            w.array(boosts) { w, boost in
                w.object { w in
                    w.key("factor")
                    w.double(boost.factor)
                    w.key("reason")
                    w.string(boost.reason)
                }
            }
            w.key("dl")
            w.int(dl)
            w.key("k1")
            w.double(k1)
            w.key("score")
            w.double(score)
            w.key("terms")
            w.array(terms) { w, t in
                w.object { w in
                    w.key("df")
                    w.int(t.df)
                    w.key("idf")
                    w.double(t.idf)
                    w.key("part")
                    w.string(t.part)
                    w.key("score")
                    w.double(t.score)
                    w.key("tf")
                    w.int(t.tf)
                    if let variants = t.variants {
                        w.key("variants")
                        w.array(variants) { w, v in w.string(v) }
                    }
                }
            }
        }
    }
}
