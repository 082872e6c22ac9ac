import Hummingbird

/// The page's stylesheet, script and icon, compiled into the binary: a request names one of them
/// exactly or gets a 404; no request path reaches the file system.
struct AssetRoutes: Sendable {
    static let assets: [String: (bytes: [UInt8], type: String)] = [
        "style.css": (PackageResources.style_css, "text/css; charset=utf-8"),
        "app.js": (PackageResources.app_js, "text/javascript; charset=utf-8"),
        "icon.svg": (PackageResources.icon_svg, "image/svg+xml")
    ]

    func register(on router: Router<some RequestContext>) {
        router.get("/assets/:file") { _, context in
            guard let name = context.parameters.get("file"), let asset = Self.assets[name] else {
                throw ServerError.notFound("no such asset")
            }
            return Responses.bytes(asset.bytes, type: asset.type, cache: "public, max-age=3600")
        }
    }
}
