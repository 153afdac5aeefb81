/// The JSON key paths a table reads, as a tree of lower-cased keys built once per table,
/// so a record is matched key by key with one hash and one byte comparison per key.
struct KeyTrie: Sendable {
    struct Node: Sendable {
        /// The lower-cased key that leads here from the parent node.
        var key: [UInt8]
        var children: [Int] = []
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
            // ASCII-only, as records' keys are compared: `Área` must still match `Área`.
            let lowered = key.utf8.map(Self.lowercased)
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

    /// Per node, an open-addressing table over its children (child index + 1; 0 = empty; size a
    /// power of two) and its key, all kept in flat arrays so a lookup touches no nested array.
    private var tablePool: [Int32] = []
    private var tableStart: [Int] = []
    private var tableMask: [Int] = []
    private var keyPool: [UInt8] = []
    private var keyStart: [Int] = []
    /// Per node, what the reader needs for every value, flat so reading one retains no array:
    /// its element root (-1 for none), whether it has children, and its slots in `slotPool`.
    private(set) var elementRootOf: [Int] = []
    private(set) var hasChildren: [Bool] = []
    private(set) var slotPool: [Int] = []
    private(set) var slotStart: [Int] = []

    /// Builds every node's hash table; call once after the last insert.
    mutating func seal() {
        tablePool = []
        tableStart = []
        tableMask = []
        keyPool = []
        keyStart = []
        elementRootOf = nodes.map { $0.elementRoot ?? -1 }
        hasChildren = nodes.map { !$0.children.isEmpty }
        slotPool = nodes.flatMap(\.slots)
        slotStart = nodes.reduce(into: [0]) { starts, node in starts.append(starts.last! + node.slots.count) }
        for index in nodes.indices {
            keyStart.append(keyPool.count)
            keyPool.append(contentsOf: nodes[index].key)
            var size = 0
            if !nodes[index].children.isEmpty {
                size = 4
                while size < nodes[index].children.count * 2 { size *= 2 }
            }
            var table = [Int32](repeating: 0, count: size)
            for child in nodes[index].children {
                var bucket = Int(nodes[child].key.withUnsafeBytes { Self.hash($0) }) & (size - 1)
                while table[bucket] != 0 { bucket = (bucket + 1) & (size - 1) }
                table[bucket] = Int32(child + 1)
            }
            tableStart.append(tablePool.count)
            tableMask.append(size - 1)
            tablePool.append(contentsOf: table)
        }
        keyStart.append(keyPool.count)
    }

    /// The child of `node` whose key equals `key` ignoring ASCII case.
    func child(of node: Int, key: UnsafeRawBufferPointer) -> Int? {
        let mask = tableMask[node]
        guard mask >= 0 else { return nil }
        let start = tableStart[node]
        var bucket = Int(Self.hash(key)) & mask
        while true {
            let entry = tablePool[start + bucket]
            if entry == 0 { return nil }
            let candidate = Int(entry) - 1
            if keyMatches(key, node: candidate) { return candidate }
            bucket = (bucket + 1) & mask
        }
    }

    private func keyMatches(_ key: UnsafeRawBufferPointer, node: Int) -> Bool {
        let start = keyStart[node]
        guard keyStart[node + 1] - start == key.count else { return false }
        return keyPool.withUnsafeBufferPointer { pool in
            for index in 0..<key.count where Self.lowercased(key[index]) != pool[start &+ index] {
                return false
            }
            return true
        }
    }

    /// FNV-1a over the ASCII-lower-cased bytes.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash = (hash ^ UInt32(lowercased(byte))) &* 16_777_619
        }
        return hash
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }
}
