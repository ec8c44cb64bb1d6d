import AttuneData
import XCTest

/// `SettingError`: a library names the setting, and a program shows it under its own names.
final class SettingErrorTests: XCTestCase {
    func testNamesTheSettingAndMapsEveryName() {
        let e = SettingError(setting: "rescore", value: "5", what: "must be at least k (10)")
        XCTAssertEqual(e.description, "rescore 5: must be at least k (10)")
        XCTAssertEqual(e.line(naming: { "--" + $0 }), "--rescore 5: must be at least k (10)")

        let both = SettingError(setting: "host", value: "::1", together: [.init(setting: "port", value: "80")], what: "cannot listen there")
        XCTAssertEqual(both.description, "host ::1 port 80: cannot listen there")
        XCTAssertEqual(both.line(naming: { "--" + $0 }), "--host ::1 --port 80: cannot listen there")

        // A setting `what` mentions in backquotes is named too; other backquoted text is left.
        let mention = SettingError(setting: "host", value: "0.0.0.0", what: "needs an API key (`api_key_file` or ATTUNE_API_KEY); see `attune serve`")
        XCTAssertEqual(mention.description, "host 0.0.0.0: needs an API key (`api_key_file` or ATTUNE_API_KEY); see `attune serve`")
        XCTAssertEqual(mention.line(naming: { $0 == "api_key_file" ? "--api-key-file" : "--" + $0 }),
                       "--host 0.0.0.0: needs an API key (--api-key-file or ATTUNE_API_KEY); see `attune serve`")
        let unpaired = SettingError(setting: "dim", value: "3", what: "odd ` quote")
        XCTAssertEqual(unpaired.line(naming: { "--" + $0 }), "--dim 3: odd ` quote")
    }

    func testKnownSettingsAreSnakeCaseAndDistinct() {
        let names = SettingError.knownSettings
        XCTAssertEqual(Set(names).count, names.count)
        for n in names { XCTAssertNotNil(n.wholeMatch(of: /[a-z]+(_[a-z]+)*/), n) }
    }
}
