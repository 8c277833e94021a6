#!/usr/bin/python3
"""Cross-validated macro-F1 of a feature dump with groups of features left out (feature selection by CV).

Each variant drops the features whose names start with any of its comma-separated prefixes
("-" is the full set). Same folds, model, min-count and pruning as fit.py; the best C of the grid
is reported per variant, over all examples and over the examples that share their sentence with
another target (the kind devtest_mt holds). Only the training file is read.

Usage:
  /usr/bin/python3 scripts/train/ablate.py --train eval-out/train/target-train.jsonl \
      [--grid 0.01,0.03,0.1] [--seeds 13,14] [--class-weight none|balanced] [--min-count 2] [--prune 0.01] \
      [--keep-only] VARIANT...
--keep-only turns each variant into the prefixes to keep instead.
"""

import argparse
import os
import sys

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.metrics import f1_score

sys.path.insert(0, os.path.dirname(__file__))
from fit import cross_validate, keep_frequent, read  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", required=True)
    ap.add_argument("--grid", default="0.01,0.03,0.1")
    ap.add_argument("--class-weight", choices=["none", "balanced"], default="none")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--prune", type=float, default=0.01)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", default="13", help="comma-separated fold seeds; figures are their mean")
    ap.add_argument("--keep-only", action="store_true")
    ap.add_argument("variants", nargs="+")
    args = ap.parse_args()

    xs, y, groups = read(args.train)
    sizes = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    shared = np.array([sizes[g] > 1 for g in groups])
    classes = sorted(set(y))
    weight = None if args.class_weight == "none" else "balanced"
    for variant in args.variants:
        prefixes = tuple(p for p in variant.split(",") if p and p != "-")
        if args.keep_only:
            sel = [{k: v for k, v in x.items() if k.startswith(prefixes)} for x in xs]
        else:
            sel = [{k: v for k, v in x.items() if not k.startswith(prefixes)} for x in xs] if prefixes else xs
        sel = keep_frequent(sel, args.min_count)
        X = DictVectorizer(sort=True).fit_transform(sel).tocsr()
        rows = []
        for c in [float(c) for c in args.grid.split(",")]:
            runs = []
            for seed in [int(s) for s in args.seeds.split(",")]:
                p = cross_validate(X, y, groups, c, weight, args.folds, seed, 2000, args.prune)
                runs.append((f1_score(y, p, labels=classes, average="macro"),
                             f1_score(y[shared], p[shared], labels=classes, average="macro")))
            rows.append((float(np.mean([r[0] for r in runs])), float(np.mean([r[1] for r in runs])), c))
        best = max(rows)
        grid = " ".join(f"C={c:g}:{m:.3f}" for m, _, c in rows)
        print(f"{'keep' if args.keep_only else 'drop'} {variant:<28} features {X.shape[1]:>6}  "
              f"cv macro-F1 {best[0]:.3f} (shared-sentence targets {best[1]:.3f}) at C={best[2]:g}  [{grid}]",
              flush=True)


if __name__ == "__main__":
    main()
