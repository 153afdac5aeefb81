extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingBlanks() -> String {
        let blanks: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r"]
        let view = unicodeScalars
        guard let first = view.firstIndex(where: { !blanks.contains($0) }),
              let last = view.lastIndex(where: { !blanks.contains($0) })
        else { return "" }
        return String(view[first...last])
    }
}

