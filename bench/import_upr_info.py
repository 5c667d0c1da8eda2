"""Import speed and memory of the UPR Info export into PostgreSQL, at 10,000 and 41,066 rows.

Each size runs in its own process (fresh database, fresh interpreter), so that
its peak memory is its own. Goal: at least 5,000 rows/s, memory flat as the
file grows.
"""

import io
import itertools
import json
import resource
import subprocess
import sys
import time

from support import SHARED_DATA, create_database, drop_database, migrate, setup_django

SOURCE = SHARED_DATA / "upr-info" / "recommendations-2008-2014.csv"


def first_rows(rows):
    with open(SOURCE, "rb") as file:
        return b"".join(itertools.islice(file, rows + 1))


def run_one(rows):
    database = create_database()
    try:
        setup_django(database)
        migrate()
        from upr.importers.service import import_recommendations
        from upr.tasks import reindex_import

        content = first_rows(rows)
        baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        result = import_recommendations(io.BytesIO(content), filename=SOURCE.name)
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        # What the worker does next: bring the search index up to date.
        started = time.perf_counter()
        reindex_import.call(result.pk)
        indexing = time.perf_counter() - started
        print(
            json.dumps(
                {
                    "rows": result.rows_read,
                    "created": result.created,
                    "seconds": round(elapsed, 2),
                    "rows_per_second": round(result.rows_read / elapsed),
                    "peak_rss_mb": round(peak / 1024, 1),
                    "rss_growth_mb": round((peak - baseline) / 1024, 1),
                    "indexing_seconds": round(indexing, 1),
                }
            )
        )
    finally:
        from django.db import connections

        connections.close_all()
        drop_database(database)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--rows":
        run_one(int(sys.argv[2]))
        return
    print(f"Importing {SOURCE.name} into PostgreSQL (one fresh process and database per size)")
    print(
        f"{'rows':>8} {'seconds':>8} {'rows/s':>8} {'peak RSS MB':>12} {'RSS growth MB':>14} {'index s':>8}"
    )
    for rows in (10_000, 41_066):
        output = subprocess.run(
            [sys.executable, __file__, "--rows", str(rows)], capture_output=True, text=True, check=True
        ).stdout
        figures = json.loads(output.strip().splitlines()[-1])
        print(
            f"{figures['rows']:>8} {figures['seconds']:>8} {figures['rows_per_second']:>8} "
            f"{figures['peak_rss_mb']:>12} {figures['rss_growth_mb']:>14} {figures['indexing_seconds']:>8}"
        )


if __name__ == "__main__":
    main()
