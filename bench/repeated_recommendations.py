"""Precision of the repeated-recommendation suggestions (upr.repetitions) on Slovenia's third and
fourth cycles, per threshold.

Imports the two real OHCHR matrices of Slovenia, session 34 (2019) and session 48 (2025), into a
throw-away PostgreSQL database, computes for each 48th-session recommendation its most alike
34th-session ones (top 3, every score), and compares them with a hand-labelled sample,
``bench/data/slovenia_repeats.csv`` (the 48th-session paragraph, the 34th-session one, the label).
For each threshold it prints how many suggestions are kept, how many of the labelled ones are
repeats (the precision), and how many 48th-session recommendations get at least one suggestion.

The labelling rule: a pair is a repeat (1) when the later recommendation asks the State for the
same action on the same subject as the earlier one, whatever the wording, including when it asks
to continue, step up or complete that action (ratify the same convention; adopt or implement the
same law, plan or body; bring the same institution in line with the same standard). It is not a
repeat (0) when the two share only a theme or a group of persons (two different measures for
Roma children), or ask for different actions on one subject (ratify a convention vs report under
it), or different subjects with one action (ratify two different conventions).

``BENCH_DATABASE=name`` keeps the database between runs; ``--dump`` prints every candidate pair
scoring 0.3 or more, with both texts, for labelling.
"""

import csv
import os
import sys
import time
from pathlib import Path

from support import SHARED_DATA, create_database, database_exists, drop_database, migrate, setup_django

MATRICES = SHARED_DATA / "ohchr-matrices"
THIRD = MATRICES / "UPR34_Slovenia_Thematic_list_of_Recommendations.docx"
FOURTH = MATRICES / "upr48-slovenia-thematic-list-of-recommendatio.docx"
LABELS = Path(__file__).resolve().parent / "data" / "slovenia_repeats.csv"
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8)


def load_matrices():
    from upr.importers.service import import_recommendations

    for path, session in ((THIRD, 34), (FOURTH, 48)):
        with open(path, "rb") as file:
            import_recommendations(file, filename=path.name, state="SVN", session=session)


def read_labels():
    with open(LABELS, newline="", encoding="utf-8") as file:
        return {(row["later"], row["earlier"]): row["label"] == "1" for row in csv.DictReader(file)}


def candidates():
    """``{(48th paragraph, 34th paragraph): score}`` of the top 3 of each, whatever their score."""
    from upr.models import Recommendation
    from upr.repetitions import most_similar

    numbers = dict(Recommendation.objects.originals().filter(state_code="SVN").values_list("pk", "number"))
    _later, found = most_similar("SVN", threshold=0.0)
    return {(numbers[later], numbers[earlier]): value for (later, earlier), value in found.items()}, numbers


def dump(pairs):
    from upr.models import Recommendation

    texts = dict(Recommendation.objects.originals().filter(state_code="SVN").values_list("number", "text"))
    for (later, earlier), value in sorted(pairs.items(), key=lambda item: -item[1]):
        if value >= 0.3:
            print(f"{value:.3f} {later} <- {earlier}\n  L: {texts[later]}\n  E: {texts[earlier]}")


def report(pairs, labels):
    later_total = len({later for later, _ in pairs})
    print(
        f"48th-session recommendations: {later_total}; labelled pairs: {len(labels)} ({sum(labels.values())} repeats)"
    )
    missing = [pair for pair in labels if pair not in pairs]
    if missing:
        print(f"labelled pairs not among the top 3 of their recommendation: {missing}")
    print(
        f"{'threshold':>9} {'kept':>5} {'labelled':>8} {'repeats':>7} {'precision':>9} "
        f"{'48th with one':>13} {'share':>6} {'repeats found':>13}"
    )
    for threshold in THRESHOLDS:
        kept = {pair for pair, value in pairs.items() if value >= threshold}
        judged = [labels[pair] for pair in kept if pair in labels]
        hits = sum(judged)
        covered = len({later for later, _ in kept})
        precision = f"{hits / len(judged):.3f}" if judged else "-"
        print(
            f"{threshold:>9.2f} {len(kept):>5} {len(judged):>8} {hits:>7} {precision:>9} "
            f"{covered:>13} {covered / later_total:>6.1%} {hits:>6}/{sum(labels.values())}"
        )


def main():
    kept = os.environ.get("BENCH_DATABASE")
    database = kept or create_database()
    fresh = not kept or not database_exists(database)
    if kept and fresh:
        create_database(name=database)
    try:
        setup_django(database)
        if fresh:
            migrate()
            started = time.perf_counter()
            load_matrices()
            print(f"imported both matrices in {time.perf_counter() - started:.1f} s")
        from upr.repetitions import THRESHOLD, find_repetitions

        started = time.perf_counter()
        pairs, _numbers = candidates()
        print(f"compared 254 x 215 recommendations in {time.perf_counter() - started:.2f} s")
        if "--dump" in sys.argv:
            dump(pairs)
            return
        report(pairs, read_labels())
        started = time.perf_counter()
        changes = find_repetitions("SVN")
        print(
            f"stored at the threshold {THRESHOLD}: {changes.created} new pairs, {changes.updated} rescored "
            f"in {time.perf_counter() - started:.2f} s"
        )
    finally:
        from django.db import connections

        connections.close_all()
        if not kept:
            drop_database(database)


if __name__ == "__main__":
    main()
