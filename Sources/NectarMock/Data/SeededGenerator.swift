/// SplitMix64: small, fast and the same on every platform, so a seed always yields the same data
/// and the same fault decisions (`SystemRandomNumberGenerator` would not).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// Uniform in `0..<1`.
    public mutating func unit() -> Double {
        Double(next() >> 11) / Double(UInt64(1) << 53)
    }

    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    public mutating func pick<Element>(_ choices: [Element]) -> Element {
        choices[Int(next() % UInt64(choices.count))]
    }

    /// A money amount with cents.
    public mutating func money(_ range: ClosedRange<Double>) -> Double {
        ((range.lowerBound + unit() * (range.upperBound - range.lowerBound)) * 100).rounded() / 100
    }

    /// An independent generator for one part of the data, so adding records to one endpoint
    /// does not reshuffle every other endpoint.
    public mutating func fork(_ salt: UInt64) -> SeededGenerator {
        SeededGenerator(seed: next() ^ (salt &* 0xD6E8_FEB8_6659_FD93))
    }
}
