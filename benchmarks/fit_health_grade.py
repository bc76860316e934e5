#!/usr/bin/env python3
"""Fits the default health-readability grade model on MedReadMe train.

Reads the 2,580 `train` sentences of ../shared/eval/medreadme_readability_
train_dev.csv with their mean human difficulty rating (1 easy .. 6 hard),
chooses the scale's knee and vocabulary ceiling by 5-fold cross-validation
on train, fits plainlang.fit_grade_model (ridge regression over the passage
features, put on the grade scale) and prints the weights with the Pearson r
on the `train` and `dev` splits. With --write it rewrites
src/analysis/default_grade_model.inc, which the engine compiles in as
GradeModel::Default(); rebuild afterwards.

    .venv/bin/python benchmarks/fit_health_grade.py [--write] [--eval ../shared/eval]

The ratings stay in ../shared/eval; only the fitted numbers enter the
repository. Refit after any change to the lexicon or the analysis, since the
features move with them. Exits 2 when the evaluation set is absent.
"""

from __future__ import annotations

import argparse
import csv
import math
import pathlib
import sys

import plainlang

ROOT = pathlib.Path(__file__).resolve().parents[1]
# Candidates for the scale's shape, chosen by 5-fold cross-validation on
# train (never on dev, never on the Cochrane pairs): where the scale bends
# toward 20, and how many grade levels the vocabulary may add at most.
# The knee stays at 12 or above, so the scale keeps the formulas' meaning
# through the end of secondary school; the ceiling is finite, so the
# vocabulary's cost saturates by design, not only through the knee.
KNEES = (12.0, 14.0, 16.0, 18.0, 20.0)
CEILINGS = (8.0, 12.0, 16.0, 24.0, 32.0)
RIDGES = (0.1, 1.0, 10.0, 100.0)
FOLDS = 5


def pearson(xs: list[float], ys: list[float]) -> float:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy)


def cross_validated_r(texts: list[str], ratings: list[float], ridge: float, ceiling: float,
                      knee: float) -> float:
    """Pearson r of out-of-fold predictions over FOLDS folds (every FOLDS-th text)."""
    predicted = [0.0] * len(texts)
    for fold in range(FOLDS):
        fit = [i for i in range(len(texts)) if i % FOLDS != fold]
        held = [i for i in range(len(texts)) if i % FOLDS == fold]
        model = plainlang.fit_grade_model([texts[i] for i in fit], [ratings[i] for i in fit],
                                          ridge=ridge, vocabulary_ceiling=ceiling, knee=knee)
        reports = plainlang.Analyzer(grade_model=model).analyze_many([texts[i] for i in held])
        for i, report in zip(held, reports):
            predicted[i] = report.readability.health_grade
    return pearson(predicted, ratings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=pathlib.Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--write", action="store_true", help="rewrite the default model's source")
    args = parser.parse_args()
    path = args.eval / "medreadme_readability_train_dev.csv"
    if not path.is_file():
        print(f"fit_health_grade: {path} not found; the evaluation sets live in "
              "../shared/eval (see its README)", file=sys.stderr)
        return 2
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    split = {name: [r for r in rows if r["split"] == name] for name in ("train", "dev")}

    train = split["train"]
    texts = [r["Sentence"] for r in train]
    ratings = [float(r["Readability"]) for r in train]
    best = (-2.0, 1.0, math.inf, 20.0)
    for ridge in RIDGES:
        for knee in KNEES:
            for ceiling in CEILINGS:
                r = cross_validated_r(texts, ratings, ridge, ceiling, knee)
                print(f"  cross-validated r on train: ridge {ridge:g}, knee {knee:g}, "
                      f"vocabulary ceiling {ceiling:g}: {r:.4f}")
                best = max(best, (r, ridge, ceiling, knee), key=lambda b: b[0])
    _, ridge, ceiling, knee = best
    model = plainlang.fit_grade_model(texts, ratings, ridge=ridge, vocabulary_ceiling=ceiling,
                                      knee=knee)
    analyzer = plainlang.Analyzer(grade_model=model)
    print(f"fitted on {len(train)} MedReadMe train sentences, ridge {ridge:g}, grade scale, "
          f"knee {knee:g}, vocabulary ceiling {ceiling:g} (best cross-validated r {best[0]:.4f})")
    for name, part in split.items():
        reports = analyzer.analyze_many([r["Sentence"] for r in part])
        r = pearson([x.readability.health_grade for x in reports],
                    [float(row["Readability"]) for row in part])
        print(f"  Pearson r with the human rating on {name} ({len(part)}): {r:.3f}")
    print(f"  intercept {model.intercept:+.6f}")
    for name in plainlang.GRADE_FEATURE_NAMES:
        print(f"  {name:24} {model.weights[name]:+.6f}")

    if args.write:
        weights = ", ".join(f"{model.weights[n]:.9g}" for n in plainlang.GRADE_FEATURE_NAMES)
        ceiling_text = f"{ceiling:.9g}"
        text = ("// Generated by benchmarks/fit_health_grade.py --write; do not edit.\n"
                f"// Fitted on {len(train)} MedReadMe train sentences, ridge {ridge:g}, grade scale;\n"
                f"// ridge, knee and ceiling by {FOLDS}-fold cross-validation on train.\n"
                f"model.intercept = {model.intercept:.9g};\n"
                f"model.weights = {{{weights}}};\n"
                f"model.vocabulary_ceiling = {ceiling_text};\n"
                f"model.knee = {knee:.9g};\n")
        out = ROOT / "src" / "analysis" / "default_grade_model.inc"
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}; rebuild to use it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
