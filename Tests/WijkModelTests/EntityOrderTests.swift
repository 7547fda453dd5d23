import Testing
import WijkModel

/// The merge takes entities in their declared order; `<` and the hash go by `ordinal`, which must
/// follow that order (a case added to the enum and not to `ordinal` would break it).
struct EntityOrderTests {
    @Test func ordinalsFollowTheDeclaredOrder() {
        #expect(Entity.allCases.map(\.ordinal) == Array(0..<Entity.allCases.count))
        #expect(Entity.allCases.sorted() == Entity.allCases)
        #expect(Entity.team < .voorziening && !(Entity.client < .huishouden))
    }
}
