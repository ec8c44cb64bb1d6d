import XCTest
@testable import AttuneCore

final class AttuneCoreSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
