#!/usr/bin/env python3
"""The peer reducer as most streaming word counts are written: int() of each count, print() for each word."""
import sys

current, total = None, 0
for line in sys.stdin:
    word, count = line.rstrip("\n").split("\t", 1)
    if word == current:
        total += int(count)
        continue
    if current is not None:
        print("%s\t%d" % (current, total))
    current, total = word, int(count)
if current is not None:
    print("%s\t%d" % (current, total))
