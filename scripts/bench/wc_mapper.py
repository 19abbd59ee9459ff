#!/usr/bin/env python3
"""The peer: a plain Python streaming mapper doing what examples/wc.csx's Map does."""
import sys

write = sys.stdout.write
for line in sys.stdin:
    for word in line.split():
        write(word + "\t1\n")
