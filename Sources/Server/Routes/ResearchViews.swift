import Hummingbird

/// SEAM for the research views still being built in Sources/Research (compare, KWIC, report with
/// CSV/XLSX/HTML downloads, targets). They had not landed on `main` when the server was written,
/// so no route exists for them yet and they answer 404 like any unknown path.
///
/// When they land, each gets, here and nowhere else:
/// - an API route `GET /api/compare|kwic|report|targets` that calls the same Research function as
///   its CLI command and answers with that command's `--json` value (`Responses.json`), with its
///   parameters named as the command's options, bounded by `ServerLimits`, heavy work on
///   `IndexGeneration.research` as `ReuseRequests` does;
/// - a page route rendering the same value through a template in Templates/ (`PageRenderer`),
///   downloads through `Responses.download` (the report's own writers);
/// - a path in docs/openapi.yaml and a row in the README's API table.
enum ResearchViews {
    static func registerAPI(on router: Router<some RequestContext>, context: RouteContext) {}

    static func registerPages(on router: Router<some RequestContext>, context: RouteContext) {}
}
