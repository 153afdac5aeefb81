/// Remembers, for one page, where each key of the previous record led in the trie, by the key's
/// position in the record. The records of a page nearly always list the same keys in the same
/// order, so a key is usually settled by comparing its bytes with the previous record's key at
/// that position, without hashing it or folding its case; any difference falls back to the trie.
struct KeyMemo {
    private struct Entry {
        /// The trie node whose object held the key.
        var parent: Int
        /// Where the key's bytes lie in the body (keys with escapes are never remembered).
        var start: Int
        var count: Int
        /// The child it led to; -1 when the trie does not know the key.
        var child: Int
    }

    private var entries: [Entry] = []
    private var position = 0

    /// Called at the start of every record: positions count from its first key.
    mutating func startRecord() {
        position = 0
    }

    /// The trie child of `parent` for an escape-free key lying at `key` in `bytes`.
    mutating func child(of parent: Int, key: JSONStringSlice, in bytes: UnsafeRawBufferPointer, trie: KeyTrie) -> Int? {
        defer { position += 1 }
        let count = key.end - key.start
        if position < entries.count {
            let entry = entries[position]
            if entry.parent == parent, entry.count == count, Self.equal(bytes, entry.start, key.start, count: count) {
                return entry.child < 0 ? nil : entry.child
            }
        }
        let child = trie.child(of: parent, key: UnsafeRawBufferPointer(rebasing: bytes[key.start..<key.end]))
        let entry = Entry(parent: parent, start: key.start, count: count, child: child ?? -1)
        if position < entries.count { entries[position] = entry } else { entries.append(entry) }
        return child
    }

    /// Whether the `count` bytes at `first` and at `second` are the same, eight at a time.
    private static func equal(_ bytes: UnsafeRawBufferPointer, _ first: Int, _ second: Int, count: Int) -> Bool {
        var offset = 0
        while offset &+ 8 <= count {
            let a = bytes.loadUnaligned(fromByteOffset: first &+ offset, as: UInt64.self)
            let b = bytes.loadUnaligned(fromByteOffset: second &+ offset, as: UInt64.self)
            if a != b { return false }
            offset &+= 8
        }
        while offset < count {
            if bytes[first &+ offset] != bytes[second &+ offset] { return false }
            offset &+= 1
        }
        return true
    }
}
