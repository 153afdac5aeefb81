import NectarCatalog
import NectarSource

/// The query parameters one documented filter gets from the constraints on its column.
struct ParameterBuilder {
    let filter: PushableFilter
    let constraints: ColumnConstraints
    let slot: Int

    struct Result {
        let parameters: [QueryParameter]
        /// `= 2 → status=2`, for explain.
        let text: String
    }

    /// An `in` on a filter that takes one value per request: one listing per value.
    func fanOut() -> Result? {
        guard case .equals(let parameter) = filter.kind, let constrained = constraints.values[slot],
            constrained.values.count > 1, let texts = constrained.allIntegralTexts
        else { return nil }
        return Result(
            parameters: texts.map { QueryParameter(parameter, $0) },
            text: "\(constrained.predicateText) → \(texts.map { "\(parameter)=\($0)" }.joined(separator: " | ")) (one listing each)")
    }

    /// Parameters every listing of the scan carries.
    func shared() -> Result? {
        switch filter.kind {
        case .equals(let parameter):
            guard let constrained = constraints.values[slot], constrained.values.count == 1,
                let texts = constrained.allIntegralTexts else { return nil }
            return Result(parameters: [QueryParameter(parameter, texts[0])], text: "\(constrained.predicateText) → \(parameter)=\(texts[0])")
        case .list(let parameter):
            guard let constrained = constraints.values[slot], let texts = constrained.allIntegralTexts else { return nil }
            let joined = texts.joined(separator: ",")
            return Result(parameters: [QueryParameter(parameter, joined)], text: "\(constrained.predicateText) → \(parameter)=\(joined)")
        case .dateRange(let from, let to): return dateRange(from: from, to: to)
        case .namePrefix(let parameter, let exactParameter): return name(parameter: parameter, exactParameter: exactParameter)
        }
    }

    /// A bound outside the years the API can read is left to the local filter: before year 1 or
    /// after 9999 it narrows nothing a request could.
    private func dateRange(from: String, to: String) -> Result? {
        var parameters: [QueryParameter] = []
        if let low = constraints.lowerBounds[slot], let day = BrazilianDay.text(low) { parameters.append(QueryParameter(from, day)) }
        if let high = constraints.upperBounds[slot], let day = BrazilianDay.text(high) { parameters.append(QueryParameter(to, day)) }
        guard !parameters.isEmpty else { return nil }
        let rendered = parameters.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        return Result(parameters: parameters, text: "range → \(rendered) (whole days, UTC−03:00)")
    }

    private func name(parameter: String, exactParameter: String?) -> Result? {
        guard let (text, exact) = constraints.names[slot], !text.isEmpty else { return nil }
        var parameters = [QueryParameter(parameter, text)]
        if exact, let exactParameter { parameters.append(QueryParameter(exactParameter, "true")) }
        let predicate = exact ? "= '\(text)'" : "like '\(text)%'"
        return Result(parameters: parameters, text: "\(predicate) → \(parameters.map { "\($0.name)=\($0.value)" }.joined(separator: "&"))")
    }
}
