import NectarSource

/// How a scan reaches the API: listings merged (the oportunidades status fan-out, an `in` the
/// API takes one value at a time) or lookups by key.
package enum ScanAccess: Sendable, Hashable {
    case listings([PageRequest])
    case lookups([String])
}
