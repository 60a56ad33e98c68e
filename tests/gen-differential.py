#!/usr/bin/env python3
"""Builds the inputs of the differential test against opencc (deterministic).

usage: gen-differential.py OCTEXT_DIR SEEDS_DIR OUT_DIR
Writes: phrases.txt (every dictionary key, shuffled, joined with and without
separators so that phrases overlap), random_han.txt (random sequences over
the dictionaries' characters and common Han), mixed.txt (simplified and
traditional lines interleaved), and copies of the seeds.
"""
import glob, os, random, sys

def main():
    octext, seeds, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(20261124)
    keys, alphabet = [], set()
    for path in sorted(glob.glob(os.path.join(octext, '*.txt'))):
        for line in open(path, encoding='utf-8'):
            k, _, v = line.rstrip('\n').partition('\t')
            keys.append(k)
            alphabet.update(k)
            alphabet.update(v.replace(' ', ''))
    alphabet.update(chr(c) for c in range(0x4E00, 0x4E00 + 3000))
    alphabet = sorted(alphabet)
    # Phrases: shuffled, then glued in groups so keys overlap and nest.
    rnd.shuffle(keys)
    lines, cur = [], []
    for k in keys:
        cur.append(k)
        if rnd.random() < 0.08:
            lines.append(rnd.choice(['', '，', ' ']).join(cur))
            cur = []
    lines.append(''.join(cur))
    text = '\n'.join(lines) + '\n'
    # Twice, the second time with neighbours swapped, to reach ~1 MB.
    rnd.shuffle(lines)
    text += '\n'.join(lines) + '\n'
    open(os.path.join(out, 'phrases.txt'), 'w', encoding='utf-8').write(text)
    # Random Han: weighted towards dictionary characters, with punctuation.
    buf = []
    size = 0
    while size < 1_500_000:
        n = rnd.randint(1, 120)
        line = ''.join(rnd.choice(alphabet) if rnd.random() < 0.97 else rnd.choice('，。、 a1') for _ in range(n))
        buf.append(line)
        size += len(line.encode('utf-8')) + 1
    open(os.path.join(out, 'random_han.txt'), 'w', encoding='utf-8').write('\n'.join(buf) + '\n')
    # Mixed script: the seeds' lines, alternately as they are and reversed in order.
    mixed = []
    for path in sorted(glob.glob(os.path.join(seeds, '*.txt'))):
        text = open(path, encoding='utf-8').read()
        open(os.path.join(out, 'seed_' + os.path.basename(path)), 'w', encoding='utf-8').write(text)
        mixed.extend(text.splitlines())
    rnd.shuffle(mixed)
    open(os.path.join(out, 'mixed.txt'), 'w', encoding='utf-8').write('\n'.join(mixed))  # no final newline

if __name__ == '__main__':
    main()
