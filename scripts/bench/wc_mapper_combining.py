#!/usr/bin/env python3
"""The tuned peer: a Python streaming mapper that counts in a dict and writes each word once (in-mapper combining)."""
import sys
from collections import Counter

counts = Counter()
for line in sys.stdin:
    counts.update(line.split())
write = sys.stdout.write
for word, count in counts.items():
    write(f"{word}\t{count}\n")
