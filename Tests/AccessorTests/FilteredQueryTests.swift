import Foundation
import Testing
@testable import Accessor

@Suite("The attribute-filter mini-language")
struct FilteredQueryTests {
    func day(_ text: String) -> Date { FilterTerm.parseDate(text)! }

    @Test("Filters are taken out of the question and combined with AND")
    func example() throws {
        let query = try FilteredQuery.parse("rotate keys @category=security @after=2024-01-01 @source~wiki")
        #expect(query.text == "rotate keys")
        #expect(query.filter == .andAll([
            .equalsTo(DocumentAttribute(name: "_category", value: .string("security"))),
            .greaterThanOrEquals(DocumentAttribute(name: "_created_at", value: .date(day("2024-01-01")))),
            .containsAny(DocumentAttribute(name: "_data_source_id", value: .stringList(["wiki"]))),
        ]))
    }

    @Test("A question without filters has no filter")
    func plain() throws {
        let query = try FilteredQuery.parse("  vacation   policy ")
        #expect(query == FilteredQuery(text: "vacation policy", filter: nil))
    }

    @Test("Every operator maps to its Q Business filter")
    func operators() throws {
        func filter(_ term: String) throws -> AttributeFilter? { try FilteredQuery.parse("q \(term)").filter }
        let size = { (value: Int64) in DocumentAttribute(name: "size", value: .long(value)) }
        #expect(try filter("@size>10") == .greaterThan(size(10)))
        #expect(try filter("@size>=10") == .greaterThanOrEquals(size(10)))
        #expect(try filter("@size<10") == .lessThan(size(10)))
        #expect(try filter("@size<=10") == .lessThanOrEquals(size(10)))
        #expect(try filter("@tags~~a,b") == .containsAll(DocumentAttribute(name: "tags", value: .stringList(["a", "b"]))))
        #expect(try filter("@category!=hr") == .not(.equalsTo(DocumentAttribute(name: "_category", value: .string("hr")))))
        #expect(try filter("@category=hr|legal") == .orAll([
            .equalsTo(DocumentAttribute(name: "_category", value: .string("hr"))),
            .equalsTo(DocumentAttribute(name: "_category", value: .string("legal"))),
        ]))
        #expect(try filter("@before=2023-06-30") == .lessThan(DocumentAttribute(name: "_created_at", value: .date(day("2023-06-30")))))
    }

    @Test("Quoted values keep their spaces")
    func quoted() throws {
        let query = try FilteredQuery.parse("benefits @category=\"human resources\"")
        #expect(query.filter == .equalsTo(DocumentAttribute(name: "_category", value: .string("human resources"))))
    }

    @Test("Errors name the offending term and where it starts")
    func errors() {
        func failure(_ line: String) -> FilterSyntaxError? {
            do { _ = try FilteredQuery.parse(line); return nil } catch { return error }
        }
        #expect(failure("x @after=2024-13-01")?.offset == 2)
        #expect(failure("x @after=2024-13-01")?.reason.contains("not a date") == true)
        #expect(failure("x @category")?.term == "@category")
        #expect(failure("x @size>big")?.reason.contains("numbers and dates") == true)
        #expect(failure("x @=y") != nil)
        #expect(failure("x @tag=") != nil)
        #expect(failure("x @c=\"open") != nil)
        #expect(failure("x @after>2024-01-01")?.reason.contains("@after=") == true)
    }
}
