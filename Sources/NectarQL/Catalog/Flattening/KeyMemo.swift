/// Remembers, for one page, where each key of the previous record led in the trie, by the key's
/// position in the record. The records of a page nearly always list the same keys in the same
/// order, so a key is usually settled by comparing the body's next bytes with the previous
/// record's key at that position: no scan for its end, no validation (those bytes passed it),
/// no hashing or case folding. Any difference falls back to scanning the key and the trie.
struct KeyMemo {
    private struct Entry {
        /// The trie node whose object held the key.
        var parent: Int
        /// Where the key's bytes lie in the body (keys with escapes are never remembered).
        var key: JSONStringSlice
        /// The child it led to; -1 when the trie does not know the key.
        var child: Int
    }

    private var entries: [Entry] = []
    private var position = 0

    /// Called at the start of every record: positions count from its first key.
    mutating func startRecord() {
        position = 0
    }

    /// Reads the member key at the scanner, and the `:` after it, and returns the trie child of
    /// `parent` it leads to (nil: the trie does not know it).
    @inline(__always)
    mutating func readChild(of parent: Int, from scanner: inout JSONScanner, trie: KeyTrie) throws(JSONError) -> Int? {
        defer { position += 1 }
        if position < entries.count {
            let entry = entries[position]
            if entry.parent == parent, try scanner.readKey(ifSameAs: entry.key) {
                return entry.child < 0 ? nil : entry.child
            }
        }
        let key = try scanner.readKey()
        if key.hasEscapes { return scanner.withBytes(of: key) { trie.child(of: parent, key: $0) } }
        let child = trie.child(of: parent, key: UnsafeRawBufferPointer(rebasing: scanner.bytes[key.start..<key.end]))
        let entry = Entry(parent: parent, key: key, child: child ?? -1)
        if position < entries.count { entries[position] = entry } else { entries.append(entry) }
        return child
    }
}
