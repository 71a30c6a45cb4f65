/// A Q Business attribute filter: nested and/or/not over leaf comparisons of one
/// `DocumentAttribute` (TTI-FLOW.md, "Attribute filters").
public indirect enum AttributeFilter: Sendable, Hashable {
    case all([AttributeFilter])
    case any([AttributeFilter])
    case not(AttributeFilter)
    case equalsTo(DocumentAttribute)
    case containsAll(DocumentAttribute)
    case containsAny(DocumentAttribute)
    case greaterThan(DocumentAttribute)
    case greaterThanOrEquals(DocumentAttribute)
    case lessThan(DocumentAttribute)
    case lessThanOrEquals(DocumentAttribute)
}
