#!/usr/bin/env bash
# Writes tests/fixtures/hadoop-spill-sort.tsv with a real Hadoop's QuickSort and HeapSort (source a Hadoop env.sh first).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
classpath="$(hadoop classpath --glob)"
javac -d "$work" -cp "$classpath" "$here/HadoopSpillSort.java"
java -cp "$classpath:$work" HadoopSpillSort > "$here/../tests/fixtures/hadoop-spill-sort.tsv"
