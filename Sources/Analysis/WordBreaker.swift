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

    public init(locale: String = "zh") throws {
        var error: Int32 = 0
        guard let h = pf_word_breaker_open(locale, &error) else {
            throw AnalysisError(
                message:
                    "ICU word breaker for locale \(locale) failed to open: \(String(cString: pf_error_name(error))); is libicu installed?")
        }
        handle = h
    }

    private init(handle: OpaquePointer) { self.handle = handle }

    public func copy() throws -> WordBreaker {
        var error: Int32 = 0
        guard let h = pf_word_breaker_clone(handle, &error) else {
            throw AnalysisError(message: "ICU word breaker clone failed: \(String(cString: pf_error_name(error)))")
        }
        return WordBreaker(handle: h)
    }

    deinit { pf_word_breaker_close(handle) }

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

    /// Number of word tokens (numbers, letters, kana, ideographs) in `utf16`.
    public func countWords(_ utf16: [UInt16]) -> Int {
        if utf16.isEmpty { return 0 }
        var error: Int32 = 0
        let n = utf16.withUnsafeBufferPointer { pf_word_breaker_count_words(handle, $0.baseAddress, Int32($0.count), &error) }
        return max(0, Int(n))
    }
}
