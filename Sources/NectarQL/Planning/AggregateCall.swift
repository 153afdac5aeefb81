/// One aggregate a grouped query computes, such as `sum(valortotal)` or `count(distinct status)`:
/// the binder collects them, the aggregate operator evaluates them.
package struct AggregateCall: Sendable, Hashable {
    package let function: AggregateFunction
    /// nil for `count(*)`.
    package let argument: BoundExpression?
    package let distinct: Bool
}
