import XCTest
@testable import AttuneSearch

final class AttuneSearchSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
