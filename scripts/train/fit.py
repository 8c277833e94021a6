#!/usr/bin/python3
"""Fit a multinomial logistic regression on a feature dump and write it as a trendwire linear model.

Input: JSONL, one example a line: {"x": {"<feature>": value, ...}, "y": "<label>", "id": ..., "group"?: ...}.
Features are computed in TypeScript only (the dump is written by a tsx script with the same function
the Lambda runs); this script only learns weights. It chooses the regularisation C (and, with
--class-weight both, whether to balance classes) by stratified k-fold cross-validation on the training
file alone. Examples sharing a "group" (e.g. two targets of one sentence) stay in the same fold.
Features seen in fewer than --min-count training examples are dropped before fitting, and weights
whose largest absolute value over the classes is below --prune are dropped from the written model
(the cross-validation figures are those of pruned models). For data where some groups hold several
examples, the CV figures are also printed for those examples alone.

Output JSON (read by shared/analysis/linear-model.ts):
  {"about", "classes", "intercept", "weights": {"<feature>": [w per class]},
   "meta": {"C", "cvMacroF1", "n", "trainedOn", "command", ...}}

Usage:
  /usr/bin/python3 scripts/train/fit.py --train X.jsonl --out model.json [--folds 5]
      [--grid 0.03,0.1,0.3,1] [--class-weight none|balanced|both] [--min-count 2] [--prune 0.01]
      [--about TEXT] [--test Y.jsonl] [--prefixes lex:,q:]
--test scores a held-out file once with the fitted model; the figure is printed and never used for a choice.
Needs Debian's scikit-learn (apt-get install -y python3-sklearn).
"""

import argparse
import json
import os
import shlex
import sys
from collections import Counter

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, f1_score, recall_score
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold


def read(path):
    xs, ys, groups = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            xs.append(row["x"])
            ys.append(row["y"])
            groups.append(row.get("group", row.get("id", len(groups))))
    return xs, np.array(ys), groups


def keep_frequent(xs, min_count):
    if min_count <= 1:
        return xs
    df = Counter(name for x in xs for name in x)
    return [{k: v for k, v in x.items() if df[k] >= min_count} for x in xs]


def model_for(c, weight, max_iter):
    return LogisticRegression(C=c, class_weight=weight, max_iter=max_iter, solver="lbfgs")


def written_weights(model):
    """Features x classes weights and one intercept per class, as the model file holds them. A
    binary model (sklearn's one column, for its second class) is written as two columns, zeros for
    the first class: the same softmax."""
    coef = model.coef_.T
    intercept = model.intercept_
    if coef.shape[1] == 1 and len(model.classes_) == 2:
        coef = np.hstack([np.zeros_like(coef), coef])
        intercept = np.array([0.0, intercept[0]])
    return coef, intercept


def predict_pruned(model, X, prune, threshold=None):
    """Predictions of the model as it is written: weights below `prune` dropped. With `threshold`
    (binary models), the second class where its probability reaches it."""
    coef, intercept = written_weights(model)
    coef = np.where(np.abs(coef).max(axis=1, keepdims=True) >= prune, coef, 0.0)
    z = np.asarray(X @ coef + intercept)
    if threshold is not None:
        p = 1.0 / (1.0 + np.exp(-(z[:, 1] - z[:, 0])))
        return np.where(p >= threshold, model.classes_[1], model.classes_[0])
    return model.classes_[np.argmax(z, axis=1)]


def cross_validate(X, y, groups, c, weight, folds, seed, max_iter, prune, threshold=None):
    if len(set(groups)) < len(groups):
        splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
        splits = splitter.split(X, y, groups)
    else:
        splits = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(X, y)
    predicted = np.empty_like(y)
    for train, held in splits:
        model = model_for(c, weight, max_iter).fit(X[train], y[train])
        predicted[held] = predict_pruned(model, X[held], prune, threshold)
    return predicted


def report(name, y, predicted, classes):
    macro = f1_score(y, predicted, labels=classes, average="macro")
    recall = recall_score(y, predicted, labels=classes, average=None)
    accuracy = float(np.mean(y == predicted))
    recalls = " ".join(f"{c} {r:.3f}" for c, r in zip(classes, recall))
    print(f"{name}: n {len(y)} accuracy {accuracy:.3f} macro-F1 {macro:.3f} recall {recalls}")
    return macro, dict(zip(classes, map(float, recall))), accuracy


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--grid", default="0.01,0.03,0.1,0.3,1,3", help="comma-separated values of C")
    ap.add_argument("--class-weight", choices=["none", "balanced", "both"], default="both")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--prefixes", default=None,
                    help="comma-separated feature-name prefixes: fit on the features with these only")
    ap.add_argument("--prune", type=float, default=0.01)
    ap.add_argument("--max-iter", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--about", default="Multinomial logistic regression (scripts/train/fit.py).")
    ap.add_argument("--trained-on", default=None, help="what the training file is (default: its path)")
    ap.add_argument("--test", help="a held-out dump scored once with the fitted model (printed only)")
    ap.add_argument("--threshold", type=float, default=None,
                    help="binary models: the second class where its probability reaches this (kept in meta)")
    args = ap.parse_args()

    xs, y, groups = read(args.train)
    if args.prefixes:
        prefixes = tuple(args.prefixes.split(","))
        xs = [{k: v for k, v in x.items() if k.startswith(prefixes)} for x in xs]
    xs = keep_frequent(xs, args.min_count)
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(xs).tocsr()
    classes = sorted(set(y))
    print(f"{args.train}: {len(y)} examples, {X.shape[1]} features seen >= {args.min_count}x, "
          f"classes {dict(Counter(y))}", file=sys.stderr)

    sizes = Counter(groups)
    shared = np.array([sizes[g] > 1 for g in groups])
    grid = [float(c) for c in args.grid.split(",")]
    weights = {"none": [None], "balanced": ["balanced"], "both": [None, "balanced"]}[args.class_weight]
    best = None
    for weight in weights:
        for c in grid:
            predicted = cross_validate(X, y, groups, c, weight, args.folds, args.seed, args.max_iter, args.prune,
                                       args.threshold)
            macro, recall, accuracy = report(f"cv C={c:g} class_weight={weight}", y, predicted, classes)
            if shared.any():
                report("   of which examples sharing a group", y[shared], predicted[shared], classes)
            if best is None or macro > best["macro"]:
                best = {"C": c, "weight": weight, "macro": macro, "recall": recall, "accuracy": accuracy,
                        "confusion": confusion_matrix(y, predicted, labels=classes).tolist()}
    print(f"chosen: C={best['C']:g} class_weight={best['weight']} cv macro-F1 {best['macro']:.3f} "
          f"accuracy {best['accuracy']:.3f} recall "
          + " ".join(f"{c} {r:.3f}" for c, r in best["recall"].items()))
    print(f"cv confusion (rows gold, columns predicted, order {classes}): {best['confusion']}")

    model = model_for(best["C"], best["weight"], args.max_iter).fit(X, y)
    assert list(model.classes_) == classes
    names = vec.get_feature_names_out()
    coef, intercept = written_weights(model)  # features x classes
    keep = np.abs(coef).max(axis=1) >= args.prune
    weights_out = {str(n): [round(float(w), 4) for w in row] for n, row, k in zip(names, coef, keep) if k}
    print(f"kept {len(weights_out)} of {len(names)} features (|w| >= {args.prune})")

    command = "/usr/bin/python3 scripts/train/fit.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    out = {
        "about": args.about,
        "classes": classes,
        "intercept": [round(float(b), 4) for b in intercept],
        "weights": weights_out,
        "meta": {
            "C": best["C"],
            "classWeight": best["weight"] or "none",
            "cvMacroF1": round(best["macro"], 4),
            "cvAccuracy": round(best["accuracy"], 4),
            "cvRecall": {c: round(r, 4) for c, r in best["recall"].items()},
            "cvConfusion": best["confusion"],
            "folds": args.folds,
            "minCount": args.min_count,
            **({"prefixes": args.prefixes} if args.prefixes else {}),
            "prune": args.prune,
            **({"threshold": args.threshold} if args.threshold is not None else {}),
            "n": int(len(y)),
            "trainedOn": args.trained_on or os.path.relpath(args.train),
            "command": command,
        },
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    print(f"wrote {args.out} ({os.path.getsize(args.out)} bytes)")

    if args.test:
        # Score the fitted model as written (pruned weights), on features it knows.
        tx, ty, _ = read(args.test)
        Xt = vec.transform(tx).tocsr()
        predicted = predict_pruned(model, Xt, args.prune, args.threshold)
        report(f"test {args.test}", ty, predicted, classes)
        print(f"test confusion (rows gold, columns predicted, order {classes}): "
              f"{confusion_matrix(ty, predicted, labels=classes).tolist()}")


if __name__ == "__main__":
    main()
