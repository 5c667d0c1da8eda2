"""Latency of the recommendations API at 100,000 recommendations on PostgreSQL.

The corpus: the 41,066 real UPR Info rows, plus variants of them (the same
recommendation made in a later session, with another response) up to
100,000. Each query of a fixed list runs through Django's test client (the
whole view, serialisation and SQL, without the network): first "cold", with
an empty cache as after an import (median of 3), then repeatedly "warm",
its counts from the cache; p50/p95 are printed per query and over all.
Goal: p95 under 100 ms. BENCH_DATABASE=name keeps the database between runs.
"""

import io
import os
import random
import statistics
import time
import uuid

from support import SHARED_DATA, create_database, database_exists, drop_database, migrate, setup_django

TARGET = 100_000
ROUNDS = 15
QUERIES = [
    ("listing, no filter", "listing", {}),
    ("listing, one state", "listing", {"state": "RWA"}),
    ("listing, state + response", "listing", {"state": "BDI,RWA,UGA", "response": "noted"}),
    ("listing, theme", "listing", {"theme": "freedom-of-the-press"}),
    ("listing, recommending state + cycle", "listing", {"recommending_state": "FRA", "cycle": "2"}),
    ("listing, regional group + action", "listing", {"regional_group": "AFRICA", "action_category": "5"}),
    ("listing, text query", "listing", {"q": "journalists"}),
    ("listing, text + filter", "listing", {"q": "death penalty", "regional_group": "ASIA_PACIFIC"}),
    ("listing, ordered by session", "listing", {"order": "-session", "offset": "200"}),
    ("stats, no filter", "stats", {}),
    ("stats, one state", "stats", {"state": "RWA"}),
    ("stats, theme + cycle", "stats", {"theme": "womens-rights", "cycle": "1"}),
]


def build_corpus():
    from django.db import connection

    from upr.importers.service import import_recommendations
    from upr.models import Recommendation, Session

    with open(SHARED_DATA / "upr-info" / "recommendations-2008-2014.csv", "rb") as file:
        import_recommendations(io.BytesIO(file.read()), filename="recommendations-2008-2014.csv")
    real = Recommendation.objects.count()
    sessions = dict(Session.objects.values_list("number", "pk"))
    session_cycles = dict(Session.objects.values_list("pk", "cycle_id"))
    rng = random.Random(20261125)
    through = {
        name: Recommendation._meta.get_field(name).remote_field.through
        for name in ("themes", "recommending_states")
    }
    originals = list(Recommendation.objects.values_list("pk", flat=True))
    created = 0
    while real + created < TARGET:
        batch_ids = rng.sample(originals, min(5000, TARGET - real - created))
        sources = Recommendation.objects.in_bulk(batch_ids)
        copies = []
        for source in sources.values():
            session = sessions[rng.randint(21, 48)]
            copies.append(
                Recommendation(
                    translation_key=uuid.uuid4(),
                    locale_id=source.locale_id,
                    natural_key=f"bench:{uuid.uuid4().hex}",
                    text=source.text,
                    state_under_review_id=source.state_under_review_id,
                    cycle_id=session_cycles[session],
                    session_id=session,
                    response=rng.choice(["supported", "supported", "noted"]),
                    action_category=source.action_category,
                    language=source.language,
                )
            )
        Recommendation.objects.bulk_create(copies)
        for name, model in through.items():
            column = "theme_id" if name == "themes" else "country_id"
            links = model.objects.filter(recommendation_id__in=list(sources)).values_list(
                "recommendation_id", column
            )
            by_source = {}
            for source_id, target in links:
                by_source.setdefault(source_id, []).append(target)
            model.objects.bulk_create(
                [
                    model(recommendation_id=copy.pk, **{column: target})
                    for source, copy in zip(sources.values(), copies, strict=True)
                    for target in by_source.get(source.pk, [])
                ]
            )
        created += len(copies)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    # The search entries, which the text queries read.
    from search import entries

    started = time.perf_counter()
    entries.update_recommendations(Recommendation.objects.all())
    return Recommendation.objects.count(), time.perf_counter() - started


def main():
    # BENCH_DATABASE names a database to build once and keep, for measuring again and again.
    kept = os.environ.get("BENCH_DATABASE")
    database = kept or create_database()
    try:
        if kept and not database_exists(kept):
            create_database(name=kept)
        setup_django(database)
        from django.test import Client
        from django.urls import reverse

        from upr.models import Recommendation

        migrate()
        if Recommendation.objects.count() < TARGET:
            total, indexing = build_corpus()
            print(f"{total} recommendations on PostgreSQL (search index built in {indexing:.1f} s)")
        else:
            print(
                f"{Recommendation.objects.count()} recommendations on PostgreSQL (kept database {database})"
            )
        client = Client()
        urls = {
            "listing": reverse("wagtailapi:recommendations:listing"),
            "stats": reverse("wagtailapi:recommendations:stats"),
        }
        from django.core.cache import cache

        def timed_get(endpoint, params):
            started = time.perf_counter()
            response = client.get(urls[endpoint], params)
            assert response.status_code == 200, response.content[:300]
            return (time.perf_counter() - started) * 1000, response

        def percentile(times, share):
            return times[max(0, int(len(times) * share) - 1)]

        # Cold: an empty cache, as after an import; every query computes its counts.
        # Warm: the same query again, its counts from the cache (the data did not change).
        all_cold, all_warm = [], []
        print(f"{'query':<40} {'cold ms':>8} {'p50 ms':>8} {'p95 ms':>8} {'results':>8}")
        for label, endpoint, params in QUERIES:
            colds = []
            for _ in range(3):
                cache.clear()
                colds.append(timed_get(endpoint, params)[0])
            cold = statistics.median(colds)
            times = []
            for _ in range(ROUNDS):
                elapsed, response = timed_get(endpoint, params)
                times.append(elapsed)
            data = response.json()
            count = data["meta"]["total_count"] if endpoint == "listing" else data["total_count"]
            times.sort()
            all_cold.append(cold)
            all_warm.extend(times)
            print(
                f"{label:<40} {cold:>8.1f} {statistics.median(times):>8.1f} "
                f"{percentile(times, 0.95):>8.1f} {count:>8}"
            )
        all_cold.sort()
        all_warm.sort()
        print(
            f"{'all queries':<40} {statistics.median(all_cold):>8.1f} {statistics.median(all_warm):>8.1f} "
            f"{percentile(all_warm, 0.95):>8.1f}"
        )
        print(f"cold p95 over the queries: {percentile(all_cold, 0.95):.1f} ms")
    finally:
        from django.db import connections

        connections.close_all()
        if not kept:
            drop_database(database)


if __name__ == "__main__":
    main()
