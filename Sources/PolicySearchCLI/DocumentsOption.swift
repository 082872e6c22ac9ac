import ArgumentParser

/// `--docs SPEC`, shared by the research commands. Its value may begin with "-" (`--docs
/// -doc:草案`: every document but the drafts), so it is taken unconditionally, never read as an
/// option.
struct DocumentsOption: ParsableArguments {
    @Option(
        name: .customLong("docs"), parsing: .unconditional,
        help: ArgumentHelp("Only these documents: filters (region:四川 -doc:草案) or comma-separated names.", valueName: "SPEC"))
    var spec: String?
}
