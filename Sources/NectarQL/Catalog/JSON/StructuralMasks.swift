#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Where the bytes that delimit JSON values lie in a block of 16 bytes, one bit per byte (bit 0
/// for the first): quotes, backslashes, opening and closing brackets (either kind).
struct StructuralMasks: Equatable {
    static let width = 16

    var quotes: UInt32
    var backslashes: UInt32
    var opens: UInt32
    var closes: UInt32

    /// The masks of the 16 bytes at `offset` (which must all lie within `bytes`).
    @inline(__always)
    static func of(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> StructuralMasks {
        #if arch(x86_64)
        vector(bytes, at: offset)
        #else
        portable(bytes, at: offset)
        #endif
    }

    #if arch(x86_64)
    /// SSE2, which every x86-64 processor has: a compare per kind of byte and a move of each
    /// lane's top bit into a mask.
    @inline(__always)
    static func vector(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> StructuralMasks {
        let block = _mm_loadu_si128((bytes.baseAddress! + offset).assumingMemoryBound(to: __m128i.self))
        // '[' and '{' differ only in bit 5, as do ']' and '}'.
        let folded = _mm_or_si128(block, _mm_set1_epi8(0x20))
        func mask(_ lanes: __m128i, equalTo byte: UInt8) -> UInt32 {
            UInt32(truncatingIfNeeded: _mm_movemask_epi8(_mm_cmpeq_epi8(lanes, _mm_set1_epi8(CChar(bitPattern: byte)))))
        }
        return StructuralMasks(
            quotes: mask(block, equalTo: UInt8(ascii: "\"")), backslashes: mask(block, equalTo: UInt8(ascii: "\\")),
            opens: mask(folded, equalTo: UInt8(ascii: "{")), closes: mask(folded, equalTo: UInt8(ascii: "}")))
    }
    #endif

    /// The same from two 64-bit words, for other processors (arm64); tests hold it to the bytes on
    /// x86-64 too.
    static func portable(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> StructuralMasks {
        let low = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        let high = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        func mask(equalTo byte: UInt8, folded: Bool) -> UInt32 {
            let fold: UInt64 = folded ? 0x2020_2020_2020_2020 : 0
            return bits(equal(low | fold, byte)) | bits(equal(high | fold, byte)) << 8
        }
        return StructuralMasks(
            quotes: mask(equalTo: UInt8(ascii: "\""), folded: false), backslashes: mask(equalTo: UInt8(ascii: "\\"), folded: false),
            opens: mask(equalTo: UInt8(ascii: "{"), folded: true), closes: mask(equalTo: UInt8(ascii: "}"), folded: true))
    }

    /// Bit 7 of each byte of `word` that equals `byte`, exactly: no carry crosses bytes.
    private static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let difference = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return ~(((difference & lowBits) &+ lowBits) | difference | lowBits)
    }

    /// Gathers the top bits of the eight bytes into the low eight bits, first byte lowest.
    private static func bits(_ topBits: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: ((topBits &>> 7) &* 0x0102_0408_1020_4080) &>> 56)
    }
}
