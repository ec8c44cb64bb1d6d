import XCTest
@testable import AttuneModel

final class AttuneModelSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
