/// The JSON key paths a table reads, as a tree of lower-cased keys built once per table,
/// so a record is matched key by key with one hash and one byte comparison per key.
struct KeyTrie: Sendable {
    struct Node: Sendable {
        /// The lower-cased key that leads here from the parent node.
        var key: [UInt8]
        var children: [Int] = []
        /// Open-addressing table over `children` (child index + 1; 0 = empty), sized a power of two.
        var table: [Int32] = []
        /// Value slots filled with the value found here.
        var slots: [Int] = []
        /// For a child table's array key: the node whose children describe one element.
        var elementRoot: Int?
    }

    private(set) var nodes: [Node] = [Node(key: [])]
    static let root = 0

    /// Adds a path under `start` (creating nodes as needed) and returns its last node.
    @discardableResult
    mutating func insert(_ path: [String], under start: Int = KeyTrie.root) -> Int {
        var current = start
        for key in path {
            let lowered = Array(key.lowercased().utf8)
            if let existing = nodes[current].children.first(where: { nodes[$0].key == lowered }) {
                current = existing
            } else {
                nodes.append(Node(key: lowered))
                nodes[current].children.append(nodes.count - 1)
                current = nodes.count - 1
            }
        }
        return current
    }

    mutating func addSlot(_ slot: Int, at node: Int) {
        nodes[node].slots.append(slot)
    }

    /// Makes `node` an array of elements and returns the root for the element's paths.
    mutating func makeElementArray(at node: Int) -> Int {
        if let existing = nodes[node].elementRoot { return existing }
        nodes.append(Node(key: []))
        nodes[node].elementRoot = nodes.count - 1
        return nodes.count - 1
    }

    /// Builds every node's hash table; call once after the last insert.
    mutating func seal() {
        for index in nodes.indices where !nodes[index].children.isEmpty {
            var size = 4
            while size < nodes[index].children.count * 2 { size *= 2 }
            var table = [Int32](repeating: 0, count: size)
            for child in nodes[index].children {
                var bucket = Int(nodes[child].key.withUnsafeBytes { Self.hash($0) }) & (size - 1)
                while table[bucket] != 0 { bucket = (bucket + 1) & (size - 1) }
                table[bucket] = Int32(child + 1)
            }
            nodes[index].table = table
        }
    }

    /// The child of `node` whose key equals `key` ignoring ASCII case.
    func child(of node: Int, key: UnsafeRawBufferPointer) -> Int? {
        let table = nodes[node].table
        guard !table.isEmpty else { return nil }
        let mask = table.count - 1
        var bucket = Int(Self.hash(key)) & mask
        while table[bucket] != 0 {
            let candidate = Int(table[bucket]) - 1
            if Self.equalIgnoringCase(key, lowered: nodes[candidate].key) { return candidate }
            bucket = (bucket + 1) & mask
        }
        return nil
    }

    /// FNV-1a over the ASCII-lower-cased bytes.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash = (hash ^ UInt32(lowercased(byte))) &* 16_777_619
        }
        return hash
    }

    private static func equalIgnoringCase(_ bytes: UnsafeRawBufferPointer, lowered: [UInt8]) -> Bool {
        guard bytes.count == lowered.count else { return false }
        for index in 0..<bytes.count where lowercased(bytes[index]) != lowered[index] {
            return false
        }
        return true
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }
}
