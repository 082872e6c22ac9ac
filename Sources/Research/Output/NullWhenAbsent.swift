/// An optional written as JSON `null` when absent, where Swift's synthesized `Encodable` would
/// leave the key out: every object of one JSON shape then has the same keys (a `box` or `page`
/// that a passage lacks reads as null, as the README's JSON contracts say).
@propertyWrapper
public struct NullWhenAbsent<Value: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let wrappedValue { try c.encode(wrappedValue) } else { try c.encodeNil() }
    }
}
