/// One `order by` key as the binder resolved it; the sort operator orders rows by these.
package struct SortKey: Sendable {
    package let expression: BoundExpression
    package let descending: Bool
    package let nullsFirst: Bool
}
