#!/usr/bin/env bash
# The fast inner loop: `swift test` without the suites that run the built CLI, the robustness runs
# (fuzz-seed replay, kill test) and the suites that load or train the real models end to end.
# Under a minute on 2 cores once built. `swift test` (what CI runs) still runs everything.
#
#   scripts/test-fast.sh                 the fast suites
#   scripts/test-fast.sh --filter Recipe  extra arguments go to `swift test` (here: only suites matching Recipe)
#   scripts/test-fast.sh --list          the regexes skipped, one per line
#
# A skipped suite is named by a regex over `Target.Class/test` (swift test --skip).
set -euo pipefail
cd "$(dirname "$0")/.."

skips=(
  '^AttuneCLITests\.'            # runs the built `attune` on bad input, one process per case
  '^AttuneRobustnessTests\.'     # fuzz-seed replay and the kill test
  '^AttuneAdaptTests\.'          # trains and merges the real model
  'ParityTests/'                 # PyTorch parity on the real models (MiniLM and MPNet)
  '\.TrainerTests/'              # end-to-end training runs
  '\.TrainingPromptsTests/'      # training steps on the real model
  '\.ShardProcessTests/'         # several `attune index` processes
  '\.DimIndexTests/'             # encodes a corpus with the real model
  '\.MergeTests/'                # merges real models
  '\.ExportTests/'               # exports real models
  '\.MatryoshkaTruncationTests/' # encodes with the real model
  '\.MatryoshkaLossTests/testTrainingRecordsTheDimensionsInTheSavedModel$'  # a training run
  '\.L2SPTests/testTrainingWithL2SPStaysNearerTheBase$'  # a training run
  '\.GradCacheTests/'            # GradCache against one tape on the real model
  '\.EmbeddingIndexTests/testIndexesMedQuADCorpusAndResumes$'  # indexes MedQuAD with the real model
  '\.BEIRTests/testReadsMedQuADCorpusQuickly$'                 # reads all of MedQuAD (../shared)
  '\.TokenizerTests/testCorpusThroughput$'                     # tokenizes MedQuAD (../shared)
  '\.ModelStoreTests/testSplitZipFetch$'                       # runs the model fetch script
  '\.KernelChoiceTests/testSgemmMatchesDoubleAtMiniLMShapes$'  # sgemm against Double at full size
)

if [ "${1:-}" = "--list" ]; then printf '%s\n' "${skips[@]}"; exit 0; fi

args=()
for s in "${skips[@]}"; do args+=(--skip "$s"); done
exec swift test "${args[@]}" "$@"
