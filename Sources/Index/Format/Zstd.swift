import CZstd

/// zstd compression of stored text (through the `CZstd` facade), each frame standalone so that one
/// block can be read without the others, all sharing a dictionary trained on the corpus: small
/// blocks compress almost as well as large ones, and a snippet decompresses a block of a few KiB.
final class ZstdCompressor {
    static let level: Int32 = 3
    private let context: OpaquePointer

    init(dictionary: [UInt8]) {
        let c = dictionary.withUnsafeBytes { psz_compressor_create($0.baseAddress, $0.count, Self.level) }
        // Creation fails only when memory does: nothing else can be done then.
        guard let c else { fatalError("zstd: cannot create a compression context") }
        context = c
    }

    deinit { psz_compressor_free(context) }

    /// Appends one frame holding `bytes`.
    func compress(_ bytes: UnsafeRawBufferPointer, into out: inout ByteBuffer) {
        let start = out.count
        let bound = psz_compress_bound(bytes.count)
        out.appendZeros(bound)
        let n = out.bytes.withUnsafeMutableBytes { dst in
            psz_compress(context, dst.baseAddress! + start, bound, bytes.baseAddress, bytes.count)
        }
        guard n > 0 else { fatalError("zstd: compression failed within its own bound") }
        out.bytes.removeLast(bound - n)
    }

    /// A dictionary of at most `capacity` bytes trained on `samples`; empty when they do not
    /// suffice (too few or too small), and compression then goes without.
    static func trainDictionary(_ samples: [[UInt8]], capacity: Int) -> [UInt8] {
        guard samples.count >= 16, capacity > 0 else { return [] }
        let flat = samples.flatMap { $0 }
        let sizes = samples.map(\.count)
        var dictionary = [UInt8](repeating: 0, count: capacity)
        let n = dictionary.withUnsafeMutableBytes { d in
            flat.withUnsafeBytes { s in
                sizes.withUnsafeBufferPointer { z in
                    psz_train_dictionary(d.baseAddress, capacity, s.baseAddress, z.baseAddress, UInt32(samples.count), level)
                }
            }
        }
        return Array(dictionary.prefix(n))
    }
}

/// Decompresses frames made by `ZstdCompressor` with the same dictionary. Not thread-safe: one per
/// reader, used under its lock.
final class ZstdDecompressor {
    private let context: OpaquePointer

    init?(dictionary: UnsafeRawBufferPointer) {
        guard let d = psz_decompressor_create(dictionary.baseAddress, dictionary.count) else { return nil }
        context = d
    }

    deinit { psz_decompressor_free(context) }

    /// The content of the frame that is exactly `frame`, at most `limit` bytes; nil when the
    /// frame is malformed or larger.
    func decompress(_ frame: UnsafeRawBufferPointer, limit: Int) -> [UInt8]? {
        let size = psz_frame_content_size(frame.baseAddress, frame.count)
        guard size >= 0, size <= limit else { return nil }
        var out = [UInt8](repeating: 0, count: Int(size))
        let n = out.withUnsafeMutableBytes { psz_decompress(context, $0.baseAddress, $0.count, frame.baseAddress, frame.count) }
        return n == size ? out : nil
    }
}
