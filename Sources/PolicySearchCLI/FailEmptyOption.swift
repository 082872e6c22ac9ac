import ArgumentParser

/// `--fail-empty`, shared by the commands that find things (search, kwic, compare, report), so a
/// script can tell "nothing found" from success by the status alone (1, as in the exit table).
struct FailEmptyOption: ParsableArguments {
    @Flag(name: .customLong("fail-empty"), help: "Exit with status 1 when nothing matches (the output is still written).")
    var enabled = false

    /// Ends the command with status 1 when `found` is zero and the flag was given.
    func check(found: Int) throws {
        if enabled && found == 0 { throw ExitCode(1) }
    }
}
