/// A malformed query, with the column (1-based, in characters) where the problem is, so the
/// CLI can point at it.
public struct QueryError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var column: Int?
    /// The message in Chinese, for the web pages (`Message`); nil where none was written.
    public var chinese: String?

    public init(message: String, column: Int? = nil, chinese: String? = nil) {
        self.message = message
        self.column = column
        self.chinese = chinese
    }

    public var description: String { column.map { "\(message) (column \($0))" } ?? message }
}
