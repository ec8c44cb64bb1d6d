#!/usr/bin/env bash
# Proves another package can depend on Attune by version: clones this repository (its committed
# HEAD) into a temp folder, tags it, and builds and runs a small consumer package that names it with
# `.package(url: "file://…", from: …)`, writes and reads a sentence with AttuneData and embeds it with
# the default model.
# Usage: scripts/check-consumer.sh   (after scripts/setup.sh; prints the embedding's size and norm)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/attune"
git -C "$work/attune" -c user.name=check -c user.email=check@localhost tag -a 99.0.0 -m "consumer check"
mkdir -p "$work/consumer/Sources/consumer"
cat > "$work/consumer/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "consumer",
    dependencies: [.package(url: "file://$work/attune", from: "99.0.0")],
    targets: [
        .executableTarget(name: "consumer", dependencies: [
            .product(name: "AttuneData", package: "attune"),
            .product(name: "AttuneModel", package: "attune"),
            .product(name: "AttuneSearch", package: "attune"),
            .product(name: "AttuneTrain", package: "attune"),
            .product(name: "AttuneEval", package: "attune"),
        ]),
    ]
)
SWIFT
cat > "$work/consumer/Sources/consumer/main.swift" <<'SWIFT'
import AttuneData
import AttuneModel
import AttuneTrain
import Foundation

// The text goes through AttuneData's writer and reader, as a user's own files would.
let input = FileManager.default.temporaryDirectory.appendingPathComponent("attune-consumer-\(getpid()).jsonl")
try atomicWrite(Data("{\"text\": \(jsonQuoted("Attune is a dependency now."))}\n".utf8), to: input)
let texts = try TextFile.read(input, field: "text")
try FileManager.default.removeItem(at: input)
let model = try SentenceModel.load(ModelStore.resolve("all-MiniLM-L6-v2"))
let e = model.encode(texts)
let norm = e.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
guard e.values.count == 384, abs(norm - 1) < 1e-4 else {
    FileHandle.standardError.write(Data("error: got \(e.values.count) values of norm \(norm)\n".utf8))
    exit(1)
}
print("consumer: embedded a sentence: \(e.values.count) values, norm \(norm); recipe keys: \(Recipe.knownKeys.count)")
SWIFT
swift build --package-path "$work/consumer" -q
"$work/consumer/.build/debug/consumer"
