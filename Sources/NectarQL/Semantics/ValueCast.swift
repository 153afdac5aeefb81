import NectarCatalog
import NectarSyntax

/// `cast(x as type)` and the text a value becomes in `||`. A cast that cannot succeed gives NULL,
/// never an error mid-stream: CRM data is messy and one bad cell must not sink a report.
extension Value {
    package func cast(to type: SQLType, _ time: ZonedTime) -> Value {
        switch (self, type) {
        case (.null, _): return .null
        case (.float, .float), (.text, .text), (.boolean, .boolean), (.timestamp, .timestamp): return self
        case (_, .text): return .text(castText(time))
        case (.text(let s), .float):
            return Double(s.trimmingSpaces).map(Value.float) ?? .null
        case (.text(let s), .boolean):
            switch s.trimmingSpaces.lowercased() {
            case "true", "t", "yes", "y", "1": return .boolean(true)
            case "false", "f", "no", "n", "0": return .boolean(false)
            default: return .null
            }
        case (.text(let s), .timestamp): return time.parseTimestamp(s).map(Value.timestamp) ?? .null
        case (.float(let d), .boolean): return .boolean(d != 0)
        case (.boolean(let b), .float): return .float(b ? 1 : 0)
        case (.float(let d), .timestamp):
            guard d.isFinite, Swift.abs(d) < 9e15 else { return .null }
            return .timestamp(Int64(d))
        case (.timestamp(let ms), .float): return .float(Double(ms))
        default: return .null
        }
    }

    /// Whether a value of one type can ever be cast to the other (booleans and timestamps cannot).
    package static func canCast(_ from: SQLType, to type: SQLType) -> Bool {
        !((from == .boolean && type == .timestamp) || (from == .timestamp && type == .boolean))
    }

    /// `cast(x as integer)`: the float cast, truncated toward zero; NULL where that is no whole number (infinity, NaN).
    package func castInteger(_ time: ZonedTime) -> Value {
        guard case .float(let d) = cast(to: .float, time), d.isFinite else { return .null }
        return .float(d.rounded(.towardZero) + 0)
    }

    /// The text form: integral numbers without `.0`, timestamps as `YYYY-MM-DD HH:MM:SS[.SSS]` in the session zone.
    package func castText(_ time: ZonedTime) -> String {
        switch self {
        case .null: ""
        case .text(let s): s
        case .boolean(let b): b ? "true" : "false"
        case .float(let d): ValueFormatter.number(d)
        case .timestamp(let ms): ValueFormatter.timestamp(ms, timeZone: time.zone)
        }
    }
}
