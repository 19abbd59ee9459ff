#!/usr/bin/env python3
"""The peer: a plain Python streaming reducer doing what examples/wc.csx's Reduce does (input sorted by key)."""
import sys

write = sys.stdout.write
current, total = None, 0
for line in sys.stdin:
    word, _, count = line.rstrip("\n").partition("\t")
    if word != current:
        if current is not None:
            write(f"{current}\t{total}\n")
        current, total = word, 0
    total += int(count)
if current is not None:
    write(f"{current}\t{total}\n")
