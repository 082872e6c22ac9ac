import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The HTML of `report` and `compare`: well-formed (the pages use XHTML-compatible syntax, so
/// Foundation's XML parser reads them), self-contained (no external resource), and document text
/// escaped: a title holding <script> and passages holding <, >, & and entity-like text render as text.
@Suite struct ResearchHTMLTests {
    static let hostile = ResearchFixture.hostileIndex.path

    /// Element names, attributes and the character data of a page; fails the test if it does not parse.
    final class Page: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text = ""
        var marks: [String] = []
        private var inMark = false

        init(_ html: String) {
            super.init()
            let parser = XMLParser(data: Data(html.utf8))
            parser.delegate = self
            let ok = parser.parse()
            #expect(ok, "well-formed: \(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)")
        }

        func parser(
            _ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
        ) {
            elements.append((name, attributes))
            if name == "mark" {
                inMark = true
                marks.append("")
            }
        }
        func parser(_ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "mark" { inMark = false }
        }
        func parser(_ p: XMLParser, foundCharacters s: String) {
            text += s
            if inMark { marks[marks.count - 1] += s }
        }

        /// No script, no external resource.
        func expectSelfContainedAndInert() {
            let names = Set(elements.map(\.name))
            #expect(!names.contains("script") && !names.contains("link") && !names.contains("img") && !names.contains("iframe"))
            for e in elements {
                for (k, v) in e.attributes {
                    #expect(!k.lowercased().hasPrefix("on"), "event handler \(k)")
                    #expect(!v.contains("http://") && !v.contains("https://"), "\(e.name) \(k)=\(v)")
                }
            }
        }
    }

    static func html(_ arguments: [String]) throws -> String {
        let r = try Support.run(arguments)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    @Test func reportHTMLEscapesDocumentText() throws {
        let dir = try Support.temporaryDirectory("report-html")
        defer { Support.remove(dir) }
        let terms = dir.appendingPathComponent("terms.txt")
        try Support.write("跨境电商 = <b>跨境</b> & 电商\n联盟\n", to: terms)
        let html = try Self.html(["report", "--terms", terms.path, "--format", "html", "--index", Self.hostile])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        let page = Page(html)
        page.expectSelfContainedAndInert()
        #expect(page.text.contains("<script>alert(1)</script> 标题"), "the catalog title, as text")
        #expect(page.text.contains("<b>跨境</b> & 电商"), "the label, as text")
        #expect(page.text.contains("a < b > c") && page.text.contains("A&B") && page.text.contains("&lt;script&gt;"))
        #expect(!page.elements.contains { $0.name == "b" })
        #expect(Set(page.marks) == ["跨境电商", "联盟"])
        #expect(page.elements.contains { $0.name == "td" && ($0.attributes["style"] ?? "").hasPrefix("background:rgb(") }, "heat map")
    }

    @Test func compareHTMLEscapesDocumentText() throws {
        let html = try Self.html(["compare", "跨境电商", "联盟", "--format", "html", "--index", Self.hostile])
        let page = Page(html)
        page.expectSelfContainedAndInert()
        #expect(page.text.contains("<script>alert(1)</script> 标题"))
        #expect(page.text.contains("a < b > c") && page.text.contains("A&B"))
        #expect(page.marks.contains("1200亿元") && page.marks.contains("20个"), "stated quantities marked")
    }

    @Test func corpusPagesAreWellFormed() throws {
        let dir = try Support.temporaryDirectory("report-html-corpus")
        defer { Support.remove(dir) }
        let terms = dir.appendingPathComponent("terms.txt")
        try Support.write("跨境电商\n海外仓\n“十四五”\nRCEP OR 自贸\n", to: terms)
        let report = Page(
            try Self.html([
                "report", "--terms", terms.path, "--format", "html", "--per", "10000", "--index", ResearchFixture.corpusIndex.path
            ]))
        report.expectSelfContainedAndInert()
        #expect(report.elements.filter { $0.name == "tr" }.count == 1 + 4 + 1)  // header, queries, characters
        let compare = Page(try Self.html(["compare", "跨境电商", "海外仓", "--format", "html", "--index", ResearchFixture.corpusIndex.path]))
        compare.expectSelfContainedAndInert()
        #expect(compare.marks.contains("跨境电商") && compare.marks.contains("海外仓"))
    }
}
