/// "1 passage", "3 passages": a count with its noun, for the writers and the terminal.
public func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
