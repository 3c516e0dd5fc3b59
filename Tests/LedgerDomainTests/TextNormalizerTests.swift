import Foundation
import Testing

@testable import LedgerDomain

struct TextNormalizerTests {
    @Test func composesDecomposedVietnameseAndTrims() {
        let decomposed = "  Sở Nội vụ\u{0009}".decomposedForTest
        #expect(decomposed.unicodeScalars.count > "Sở Nội vụ".unicodeScalars.count)
        let normalised = TextNormalizer.normalize(decomposed)
        #expect(normalised == "Sở Nội vụ")
        #expect(Array(normalised.utf8) == Array("Sở Nội vụ".precomposedForTest.utf8))
    }

    @Test func leavesASCIIUntouched() {
        #expect(TextNormalizer.normalize("plain") == "plain")
        #expect(TextNormalizer.normalize(" \n ") == "")
    }
}

extension String {
    var decomposedForTest: String { decomposedStringWithCanonicalMapping }
    var precomposedForTest: String { precomposedStringWithCanonicalMapping }
}
