/// Something the user should be told, in the two languages the product speaks: English on the
/// command line and in the JSON contracts, Chinese on the web pages, which policy staff read.
/// Written side by side where it arises, so neither is a translation guessed from the other.
public struct Message: Sendable, Equatable {
    public var english: String
    public var chinese: String

    public init(english: String, chinese: String) {
        self.english = english
        self.chinese = chinese
    }
}
