import Foundation
import Testing
import TestSupport
@testable import Ingestion

/// A web page saved as one file (.mht/.mhtml) is read as the page it holds: the first text/html
/// part of the MIME message, decoded from quoted-printable or base64 and from its charset. The
/// messages are built here as Chrome and IE write them, from a real plan's opening.
@Suite struct MHTMLTests {
    static let page = """
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>四川省进一步推进外贸高质量发展的实施意见</title></head>
        <body><div class="nav">首页 &gt; 政策文件</div><div class="article">
        <h1>四川省进一步推进外贸高质量发展的实施意见</h1>
        <p>一、总体要求</p><p>推动跨境电商综合试验区建设，支持企业建设海外仓。</p>
        <p>二、重点任务</p><p>（一）发展跨境电商。鼓励传统外贸企业开展跨境电商业务。</p>
        </div></body></html>
        """

    static func message(part: String, encoding: String) -> [UInt8] {
        let boundary = "----MultipartBoundary--Xq2ZcK8fmhb0AAnYZbsn0bHZWTvq----"
        let head = """
            From: <Saved by Blink>\r
            Subject: =?utf-8?Q?=E5=9B=9B=E5=B7=9D?=\r
            MIME-Version: 1.0\r
            Content-Type: multipart/related;\r
            \ttype="text/html";\r
            \tboundary="\(boundary)"\r
            \r
            \r
            --\(boundary)\r
            Content-Type: text/html; charset="gb2312"\r
            Content-Transfer-Encoding: \(encoding)\r
            Content-Location: https://www.sc.gov.cn/x.html\r
            \r

            """
        let image =
            "\r\n--\(boundary)\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--\(boundary)--\r\n"
        return Array(head.utf8) + Array(part.utf8) + Array(image.utf8)
    }

    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Quoted-printable with soft breaks every 76 columns, as Chrome writes it.
    static func quotedPrintable(_ bytes: [UInt8]) -> String {
        var out = "", column = 0
        for b in bytes {
            let piece = (b == 0x3D || b >= 0x80) ? String(format: "=%02X", b) : (b == 0x0A ? "\r\n" : String(UnicodeScalar(b)))
            if b != 0x0A, column + piece.count > 75 {
                out += "=\r\n"
                column = 0
            }
            out += piece
            column = b == 0x0A ? 0 : column + piece.count
        }
        return out
    }

    @Test(arguments: ["quoted-printable", "base64"])
    func thePageIsRead(_ encoding: String) throws {
        let html = [UInt8](Self.page.data(using: Self.gb18030)!)
        let part = encoding == "base64" ? Data(html).base64EncodedString(options: .lineLength76Characters) : Self.quotedPrintable(html)
        let document = try Ingestor.ingest(bytes: Self.message(part: part, encoding: encoding), name: "page.mhtml")
        #expect(document.format == "html")
        #expect(document.title == "四川省进一步推进外贸高质量发展的实施意见")
        let text = document.passages.map(\.text).joined(separator: "\n")
        // Independent count: the page's own text holds 跨境电商 three times.
        #expect(text.components(separatedBy: "跨境电商").count - 1 == 3, "\(text)")
        #expect(!text.contains("=D") && !text.contains("MultipartBoundary") && !text.contains("首页"))
    }

    /// A mail saved as text (MIME headers, a text/plain part) is no saved page: it is read as text.
    @Test func aMailSavedAsTextIsReadAsText() throws {
        let mail =
            "MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=b2\n\n--b2\nContent-Type: text/plain; charset=utf-8\n\n关于推进跨境电商发展的通知。\n--b2--\n"
        let d = try Ingestor.ingest(bytes: Array(mail.utf8), name: "mail.txt")
        #expect(d.format == "text" && d.passages.contains { $0.text.contains("关于推进跨境电商发展的通知") })
    }

    @Test func aMessageWithoutAPageIsReported() {
        let boundary = "b1"
        let mail =
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\(boundary)\r\n\r\n--b1\r\nContent-Type: image/png\r\n\r\nxx\r\n--b1--\r\n"
        let error = #expect(throws: IngestionError.self) { try Ingestor.ingest(bytes: Array(mail.utf8), name: "page.mht") }
        #expect(error.map { "\($0)".contains("MHTML") && "\($0)".contains("text/html") } == true, "\(String(describing: error))")
    }
}
