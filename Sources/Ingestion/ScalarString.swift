extension String {
    /// The string of `scalars`, encoded as UTF-8 in one pass into the string's own storage.
    /// `String(String.UnicodeScalarView(_:))` goes through the generic `append(contentsOf:)`:
    /// about 2,800 instructions for a two-character word, a tenth of parsing a query.
    public init(scalars: some Collection<Unicode.Scalar>) {
        self.init(unsafeUninitializedCapacity: scalars.count &* 4) { buffer in
            var n = 0
            for c in scalars {
                UTF8.encode(c) { byte in
                    buffer[n] = byte
                    n &+= 1
                }
            }
            return n
        }
    }
}
