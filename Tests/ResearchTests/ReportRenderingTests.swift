import Analysis
import Research
import Testing

/// Output formats on hostile and long text: HTML escapes everything, Markdown escapes its syntax,
/// text wraps within its width and keeps each line's marks balanced.
@Suite struct ReportRenderingTests {
    static func pair(_ a: String, _ b: String) -> ReusePair {
        ReusePair(
            similarity: 0.5, containment: 0.6, a: ReusePassage(doc: "a<b>.txt", title: "<i>A</i>", passage: "a<b>.txt#1", text: a),
            b: ReusePassage(doc: "b.txt", title: "B & co", passage: "b.txt#2", text: b),
            alignment: Alignment(a, b, normalizer: Normalizer()))
    }

    @Test func htmlEscapesDocumentText() {
        let p = Self.pair("<script>alert(1)</script>发展智慧医疗建设健康医疗云", "<script>alert(2)</script>发展智慧医疗建设健康医疗云")
        let page = ReuseHTML.render(ReuseReport(similarTo: p.a, pairs: [p], threshold: 0.5))
        #expect(!page.contains("<script>") && !page.contains("<i>A</i>") && !page.contains("a<b>"))
        #expect(page.contains("&lt;script&gt;") && page.contains("B &amp; co") && page.contains("<mark>"))
    }

    @Test func markdownEscapesSyntax() {
        let p = Self.pair("**加粗** [链接](x) 发展智慧医疗", "# 标题 发展智慧医疗")
        let md = ReuseMarkdown.render(ReuseReport(similarTo: p.a, pairs: [p], threshold: 0.5))
        #expect(md.contains("\\*\\*加粗\\*\\*") && md.contains("\\[链接\\](x)") && md.contains("\\# 标题"))
    }

    /// Only what Markdown would read as syntax where it stands is escaped: file names, options and
    /// brackets in running text stay as typed; a list or heading mark at the start does not.
    @Test func markdownEscapesOnlySyntax() {
        #expect(Markdown.escape("见 gz.docx 与 --exact（2021-2025）(注)") == "见 gz.docx 与 --exact（2021-2025）(注)")
        #expect(Markdown.escape("- 列表") == "\\- 列表" && Markdown.escape("12. 第十二") == "12\\. 第十二")
        #expect(Markdown.escape("a|b <i> &amp; ![x](y)") == "a\\|b \\<i\\> \\&amp; \\!\\[x\\](y)")
    }

    @Test func textWrapsWithinWidthAndBalancesMarks() {
        let long = String(repeating: "推动服务业数字化转型升级，", count: 12)
        let p = Self.pair(long + "旧的表述内容很长很长很长很长很长很长很长很长", long + "新的表述内容也很长很长很长很长很长很长很长")
        for width in [40, 80, 100] {
            let out = ReuseText(width: width).render(ReuseReport(similarTo: p.a, pairs: [p], threshold: 0.5))
            for line in out.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width, "\(width): \(line)")
                #expect(line.components(separatedBy: "[-").count == line.components(separatedBy: "-]").count)
                #expect(line.components(separatedBy: "{+").count == line.components(separatedBy: "+}").count)
            }
        }
    }
}
