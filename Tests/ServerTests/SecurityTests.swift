import Foundation
import Server
import TestSupport
import Testing

/// Hostile text renders as text on every page, the only script is the bundled one, the policy
/// forbids inline script, and no request path reaches a file outside the index and the assets.
@Suite struct SecurityTests {
    /// A combining acute accent, and a straight quote followed by it: one Character, two scalars.
    static let accent = "\u{301}"
    static let quoteAccent = "\"" + accent

    /// Event-handler attributes (onerror=, onmouseover=, …) inside any tag of a page.
    static func handlerAttributes(_ page: String) -> [String] {
        let re = try! NSRegularExpression(pattern: #"<[a-zA-Z][^<>]*\son[a-z]+\s*="#)
        return re.matches(in: page, range: NSRange(page.startIndex..., in: page)).map { String(page[Range($0.range, in: page)!]) }
    }

    /// Pages that show the fixture document's passages, title or issuer.
    var pages: [String] {
        let name = ServerFixture.hostileName
        return [
            "/?q=\(enc("跨境电商"))&doc=\(enc(name))",
            "/?q=\(enc("window.pwned"))",
            "/doc/\(enc(name))",
            "/doc/\(enc(name))?q=\(enc("脚本"))",
            "/show?id=\(enc(name + "#3"))&context=3",
            "/documents",
            "/similar?id=\(enc(name + "#4"))&min=0.1"
        ]
    }

    @Test func hostileDocumentTextRendersAsText() async throws {
        let f = try await ServerFixture.shared()
        for target in pages {
            let reply = try await f.get(target)
            #expect(reply.status == 200, "\(target)")
            let page = reply.text
            // Markup from the document never reaches the page as markup …
            #expect(!page.contains("<script data-note"), "\(target)")
            #expect(!page.contains("<img"), "\(target)")
            #expect(!page.contains("<b>机关"), "\(target)")
            #expect(!page.contains("<script>window.pwned"), "\(target)")
            #expect(!page.contains(Self.quoteAccent + " onmouseover"), "\(target): a quote before a combining mark must be escaped")
            // … the only script element is the bundled file, and no attribute carries a handler.
            #expect(page.components(separatedBy: "<script").count - 1 == 1, "\(target)")
            #expect(page.contains("<script src=\"/assets/app.js\" defer></script>"))
            #expect(Self.handlerAttributes(page).isEmpty, "\(target): \(Self.handlerAttributes(page))")
        }
        // … but is shown, escaped, as the words it is.
        let doc = try await f.get("/doc/\(enc(ServerFixture.hostileName))").text
        #expect(doc.contains("&lt;script data-note=&quot;测试&quot;&gt;window.pwned=1"))
        #expect(doc.contains("&lt;img src=x onerror=&quot;window.pwned=2;document.title=&#39;已注入&#39;&quot;&gt;"))
        #expect(doc.contains("&quot;" + Self.accent + " onmouseover=&quot;window.pwned=3"))
        #expect(doc.contains("安全测试&lt;script&gt;window.pwned=4&lt;/script&gt;通知"))
        #expect(try await f.get("/documents").text.contains("测试&lt;b&gt;机关&lt;/b&gt;"))
    }

    @Test func queriesEchoedIntoPagesAreEscaped() async throws {
        let f = try await ServerFixture.shared()
        let hostile = Self.quoteAccent + " autofocus onfocus=\"alert(1)\" <script>alert(2)</script>\""
        let escaped = "value=\"&quot;" + Self.accent + " autofocus onfocus=&quot;alert(1)&quot; &lt;script&gt;"
        for target in ["/?q=\(enc(hostile))", "/doc/\(enc("chongqing-commerce-14th-fyp.txt"))?q=\(enc(hostile))"] {
            let page = try await f.get(target).text
            #expect(!page.contains("<script>alert"), "\(target)")
            #expect(!page.contains(Self.quoteAccent + " autofocus"), "\(target)")
            #expect(page.contains(escaped), "\(target)")
        }
        // A document name in a URL is looked up, never echoed as markup.
        let missing = try await f.get("/doc/\(enc("<img src=x onerror=alert(1)>.txt"))")
        #expect(missing.status == 404 && missing.text.contains("&lt;img src=x") && !missing.text.contains("<img"))
        // A control character in a parameter never reaches a page (a NUL in <title> and the box).
        let nul = try await f.get("/?q=%00abc%01")
        #expect(nul.status == 200 && !nul.text.unicodeScalars.contains { $0.value == 0 || $0.value == 1 })
    }

    @Test func everyResponseCarriesTheStrictPolicy() async throws {
        let f = try await ServerFixture.shared()
        for target in pages + ["/", "/help", "/reuse?min=0.8", "/api/stats", "/api/nothing", "/assets/style.css", "/missing"] {
            let reply = try await f.get(target)
            let csp = reply.headers["content-security-policy"] ?? ""
            #expect(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), "\(target)")
            #expect(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "\(target)")
            #expect(reply.headers["x-content-type-options"] == "nosniff", "\(target)")
            #expect(reply.headers["x-frame-options"] == "DENY", "\(target)")
        }
        // The downloadable HTML report keeps its one inline stylesheet, and still no script.
        let report = try await f.get("/reuse/download?format=html&min=0.8")
        #expect(report.headers["content-security-policy"] == "default-src 'none'; style-src 'unsafe-inline'")
        #expect(report.headers["content-disposition"]?.hasPrefix("attachment") == true)
    }

    @Test func noPathReachesTheFileSystem() async throws {
        let f = try await ServerFixture.shared()
        let secret = try String(contentsOf: Support.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let attempts = [
            "/assets/../Package.swift", "/assets/..%2F..%2FPackage.swift", "/assets/%2e%2e/%2e%2e/Package.swift",
            "/assets/style.css/../../Package.swift", "/doc/..%2F..%2FPackage.swift", "/doc/%2Fetc%2Fpasswd",
            "/doc/../../etc/passwd", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/Package.swift",
            "/api/outline?doc=\(enc("../../Package.swift"))", "/api/passage?id=\(enc("/etc/passwd#1"))",
            "/assets/", "/assets/index.psx", "/doc/index.psx"
        ]
        for target in attempts {
            let reply = try await f.get(target)
            #expect([400, 404].contains(reply.status), "\(target) answered \(reply.status)")
            #expect(!reply.text.contains("swift-tools-version") && !reply.text.contains("root:x:0:0"), "\(target)")
            #expect(!reply.text.contains(String(secret.prefix(60))), "\(target)")
        }
        // The assets that exist are served from memory with their types.
        let css = try await f.get("/assets/style.css")
        #expect(css.status == 200 && css.headers["content-type"]?.hasPrefix("text/css") == true)
        #expect(try await f.get("/assets/app.js").headers["content-type"]?.hasPrefix("text/javascript") == true)
    }

    @Test func everyTemplateEscapesWithTheLibrarysEscape() throws {
        // Each template declares the content type whose escaping is HTML.escape (see PageRenderer),
        // and inserts raw HTML only from fields built by HTML.marked (named …HTML).
        let dir = Support.root.appendingPathComponent("Sources/Server/Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".mustache") }
        #expect(files.count >= 10)
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            #expect(text.hasPrefix("{{% CONTENT_TYPE: SAFE_HTML}}"), "\(file)")
            let raw = text.components(separatedBy: "{{{").dropFirst().map { $0.prefix { $0 != "}" } }
            for field in raw { #expect(field.hasSuffix("HTML"), "\(file): {{{\(field)}}}") }
            #expect(!text.contains("{{&"), "\(file)")
            #expect(
                !text.contains("<script>") && !text.contains(" style=") && !text.contains("<style"), "\(file): no inline script or style")
        }
    }

    @Test func loopbackByDefaultAndAWarningOtherwise() async throws {
        let f = try await ServerFixture.shared()
        #expect(ServerConfiguration(indexDirectory: f.index).host == "127.0.0.1")
        for host in ["127.0.0.1", "::1", "localhost", "127.0.0.2"] { #expect(ServerConfiguration.isLoopback(host)) }
        for host in ["0.0.0.0", "192.168.1.10", "::", "example.org"] { #expect(!ServerConfiguration.isLoopback(host)) }
        let index = f.index
        let (err, status) = try await blocking {
            let child = try Support.Child(["serve", "--index", index.path, "--host", "0.0.0.0", "--port", "0"])
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if ((try? String(contentsOf: child.err, encoding: .utf8)) ?? "").contains("Server started") { break }
                usleep(20_000)
            }
            child.kill(SIGTERM)
            let out = child.wait(timeout: 30)
            return (out.stderr, out.status)
        }
        #expect(err.contains("warning: listening on 0.0.0.0, not loopback"))
        #expect(status == 0)
    }
}
