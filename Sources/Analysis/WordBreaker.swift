import ICUFacade

public struct AnalysisError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// ICU's dictionary-based word break iterator (locale "zh"). One instance per thread: ICU break
/// iterators are not thread-safe; `copy()` clones one cheaply for another thread.
public final class WordBreaker {
    private let handle: OpaquePointer
    private var ends: [Int32] = []
    private var statuses: [Int32] = []
    /// UTF-16 of the text being counted, reused from call to call (the indexer counts every passage).
    private var units: UnsafeMutablePointer<UInt16>
    private var unitCapacity = 0

    public init(locale: String = "zh") throws {
        var error: Int32 = 0
        guard let h = pf_word_breaker_open(locale, &error) else {
            throw AnalysisError(
                message:
                    "ICU word breaker for locale \(locale) failed to open: \(String(cString: pf_error_name(error))); is libicu installed?")
        }
        handle = h
        units = .allocate(capacity: 0)
    }

    private init(handle: OpaquePointer) {
        self.handle = handle
        units = .allocate(capacity: 0)
    }

    public func copy() throws -> WordBreaker {
        var error: Int32 = 0
        guard let h = pf_word_breaker_clone(handle, &error) else {
            throw AnalysisError(message: "ICU word breaker clone failed: \(String(cString: pf_error_name(error)))")
        }
        return WordBreaker(handle: h)
    }

    deinit {
        pf_word_breaker_close(handle)
        units.deallocate()
    }

    /// Segment ends (UTF-16 offsets) and ICU rule statuses for `utf16`.
    public func segments(_ utf16: [UInt16]) -> (ends: [Int32], statuses: [Int32]) {
        if utf16.isEmpty { return ([], []) }
        var error: Int32 = 0
        let capacity = utf16.count + 1
        if ends.count < capacity {
            ends = [Int32](repeating: 0, count: capacity)
            statuses = [Int32](repeating: 0, count: capacity)
        }
        let n = utf16.withUnsafeBufferPointer { text in
            ends.withUnsafeMutableBufferPointer { e in
                statuses.withUnsafeMutableBufferPointer { s in
                    pf_word_breaker_segment(
                        handle, text.baseAddress, Int32(text.count), e.baseAddress, s.baseAddress, Int32(capacity), &error)
                }
            }
        }
        guard n > 0 else { return ([], []) }
        return (Array(ends[0..<Int(n)]), Array(statuses[0..<Int(n)]))
    }

    /// Number of word tokens in `text`, as `countWords(Array(text.utf16))` but transcoded from the
    /// string's UTF-8 into a reused buffer (`Array(text.utf16)` cost ~7 % of an index build).
    public func countWords(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { utf8 in
            if utf8.isEmpty { return 0 }
            // UTF-16 never needs more units than UTF-8 has bytes.
            if unitCapacity < utf8.count {
                units.deallocate()
                unitCapacity = max(utf8.count, 2 * unitCapacity)
                units = .allocate(capacity: unitCapacity)
            }
            let n = Self.transcode(utf8, into: units)
            var error: Int32 = 0
            return max(0, Int(pf_word_breaker_count_words(handle, units, Int32(n), &error)))
        }
    }

    /// Valid UTF-8 (a Swift string's) to UTF-16; returns the number of units written.
    @inline(__always)
    static func transcode(_ src: UnsafeBufferPointer<UInt8>, into dst: UnsafeMutablePointer<UInt16>) -> Int {
        var i = 0, o = 0
        let n = src.count
        while i < n {
            let b = src[i]
            if b < 0x80 {
                dst[o] = UInt16(b)
                i += 1
                o += 1
            } else if b < 0xE0 {
                dst[o] = UInt16(b & 0x1F) << 6 | UInt16(src[i + 1] & 0x3F)
                i += 2
                o += 1
            } else if b < 0xF0 {
                dst[o] = UInt16(b & 0x0F) << 12 | UInt16(src[i + 1] & 0x3F) << 6 | UInt16(src[i + 2] & 0x3F)
                i += 3
                o += 1
            } else {
                let v =
                    UInt32(b & 0x07) << 18 | UInt32(src[i + 1] & 0x3F) << 12 | UInt32(src[i + 2] & 0x3F) << 6 | UInt32(src[i + 3] & 0x3F)
                let u = v - 0x10000
                dst[o] = 0xD800 | UInt16(u >> 10)
                dst[o + 1] = 0xDC00 | UInt16(u & 0x3FF)
                i += 4
                o += 2
            }
        }
        return o
    }

    /// Number of word tokens (numbers, letters, kana, ideographs) in `utf16`.
    public func countWords(_ utf16: [UInt16]) -> Int {
        if utf16.isEmpty { return 0 }
        var error: Int32 = 0
        let n = utf16.withUnsafeBufferPointer { pf_word_breaker_count_words(handle, $0.baseAddress, Int32($0.count), &error) }
        return max(0, Int(n))
    }
}
