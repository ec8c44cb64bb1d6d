import AttuneData
import AttuneSearch
import ArgumentParser
@testable import attune
import XCTest

/// The CLI shows a library's setting errors under its flags: `settingFlags` maps every setting
/// name the libraries throw to a flag some command takes.
final class SettingFlagTests: XCTestCase {
    /// The help of `attune` and every command under it.
    private func allHelp(_ command: any ParsableCommand.Type = Attune.self) -> String {
        ([Attune.helpMessage(for: command, columns: 200)] + command.configuration.subcommands.map { allHelp($0) }).joined(separator: "\n")
    }

    func testEverySettingMapsToAFlagACommandTakes() {
        let help = allHelp()
        // `names` (Evaluation.names) is set only from Swift: the CLI shows paths as given.
        let settings = SettingError.knownSettings.filter { $0 != "names" } + SearchRequest.Setting.allCases.map(\.rawValue)
        for setting in settings {
            guard let flag = settingFlags[setting] else { XCTFail("\(setting): no flag in settingFlags"); continue }
            XCTAssertTrue(flag.hasPrefix("-"), "\(setting): \(flag)")
            XCTAssertNotNil(help.range(of: flag + " ") ?? help.range(of: flag + "\n") ?? help.range(of: flag + ","),
                            "\(setting): \(flag) is in no command's --help")
        }
        XCTAssertEqual(Set(settingFlags.keys).subtracting(settings), [], "a flag for a setting no library throws")
    }

    func testErrorLineNamesTheFlags() {
        XCTAssertEqual(errorLine(SettingError(setting: "rescore", value: "5", what: "must be at least k (10)")),
                       "--rescore 5: must be at least k (10)")
        XCTAssertEqual(errorLine(SettingError(setting: "max_batch_tokens", value: "1", what: "must be at least 2")),
                       "--max-batch-tokens 1: must be at least 2")
        XCTAssertEqual(errorLine(SettingError(setting: "host", value: "::1", together: [.init(setting: "port", value: "80")], what: "cannot listen there")),
                       "--host ::1 --port 80: cannot listen there")
        XCTAssertEqual(errorLine(SettingError(setting: "host", value: "0.0.0.0", what: "needs an API key (`api_key_file` or ATTUNE_API_KEY)")),
                       "--host 0.0.0.0: needs an API key (--api-key-file or ATTUNE_API_KEY)")
        XCTAssertEqual(errorLine(SearchRequest.Unsupported(location: "a.db", setting: .scan, reason: "x")), "a.db: --vectors x")
    }
}
