import XCTest
@testable import AttuneTrain

final class AttuneTrainSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
