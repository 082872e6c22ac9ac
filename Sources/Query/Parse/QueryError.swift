/// A malformed query, with the column (1-based, in characters) where the problem is, so the
/// CLI can point at it.
public struct QueryError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var column: Int?

    public init(message: String, column: Int? = nil) {
        self.message = message
        self.column = column
    }

    public var description: String { column.map { "\(message) (column \($0))" } ?? message }
}
