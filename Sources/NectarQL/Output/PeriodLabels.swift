import NectarCatalog

/// Labels for the periods of a time series, as precise as the periods need: `2024` when every
/// one starts a year, `2024-03` a month, `2024-03-05` a day, else the minute.
struct PeriodLabels {
    enum Precision { case year, month, day, minute }

    let precision: Precision
    let converter: LocalTimeConverter

    init(_ values: [Value], converter: LocalTimeConverter) {
        self.converter = converter
        let times = values.compactMap { value -> LocalTime? in
            if case .timestamp(let millis) = value { return converter.localTime(millis: millis) }
            return nil
        }
        let midnight = times.allSatisfy { $0.hour == 0 && $0.minute == 0 && $0.second == 0 && $0.millisecond == 0 }
        if midnight && times.allSatisfy({ $0.month == 1 && $0.day == 1 }) {
            precision = .year
        } else if midnight && times.allSatisfy({ $0.day == 1 }) {
            precision = .month
        } else if midnight {
            precision = .day
        } else {
            precision = .minute
        }
    }

    func label(_ value: Value) -> String {
        guard case .timestamp(let millis) = value else { return ValueFormatter.text(value, in: converter) ?? "" }
        // YYYY-MM-DD HH:MM:SS: a label never shows seconds, so their fraction is dropped first.
        let wholeSecond = millis - ((millis % 1000) + 1000) % 1000
        let full = ValueFormatter.timestamp(wholeSecond, in: converter)
        let length: Int
        switch precision {
        case .year: length = full.count - 15
        case .month: length = full.count - 12
        case .day: length = full.count - 9
        case .minute: length = full.count - 3
        }
        return String(full.prefix(length))
    }
}
