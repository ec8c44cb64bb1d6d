import XCTest
@testable import AttuneEval

final class AttuneEvalSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
