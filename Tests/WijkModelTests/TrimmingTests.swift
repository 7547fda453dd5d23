import Testing
import WijkModel

@Suite struct TrimmingTests {
    @Test(arguments: [
        ("", ""), ("   ", ""), ("abc", "abc"), ("  abc  ", "abc"), ("\tabc\r\n", "abc"),
        ("\u{00A0}9601 AB\u{00A0}", "9601 AB"), (" \u{00A0} x \u{00A0} ", "x"), ("Chloë ", "Chloë"), ("é", "é"),
        ("a b", "a b"), ("\u{00A0}", ""), (" ë\u{00A0}", "ë"),
    ])
    func trimsSpacesTabsLineEndsAndNoBreakSpaces(input: String, expected: String) {
        #expect(input.trimmingASCIISpaces() == expected)
    }
}
