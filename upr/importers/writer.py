"""Write recommendation records to the database in batches, all or nothing.

The writer receives records from a reader, resolves them against the
vocabularies, and creates or updates recommendations in the original
language (natural key + locale). Everything happens in one transaction:
a file-level error, or (by default) a single rejected row, leaves the
database exactly as it was. A dry run goes through the same steps and rolls
back, so its counts are the real ones.
"""

import uuid
from dataclasses import dataclass, field
from itertools import islice

from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Locale

from api import versions
from upr.models import Recommendation, RecommendationImport
from upr.tasks import reindex_import

from .records import ImportFileError, RecommendationRecord, Rejection, names_an_unknown_state

BATCH_SIZE = 1000
SCALAR_FIELDS = (
    "is_original",
    "session_number",
    "state_code",
    "text",
    "number",
    "state_under_review_id",
    "cycle_id",
    "session_id",
    "response",
    "response_as_published",
    "action_category",
    "source_symbol",
    "language",
)
RELATIONS = ("recommending_states", "themes", "sdgs", "affected_groups")


class ImportFailed(Exception):
    def __init__(self, record):
        self.record = record
        super().__init__(record.error or f"{record.rejected} row(s) rejected")


class _Rollback(Exception):
    pass


@dataclass
class Progress:
    rows_read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[Rejection] = field(default_factory=list)


def analyze_written_tables():
    """The planner's statistics of the tables an import wrote, at once: until autovacuum has run,
    PostgreSQL would plan searches of thousands of new rows as if the tables were empty."""
    tables = [Recommendation._meta.db_table]
    tables += [
        Recommendation.link_table(field.name)[0]._meta.db_table for field in Recommendation._meta.many_to_many
    ]
    with connection.cursor() as cursor:
        for table in tables:
            # A table name of our own models, quoted: nothing from outside reaches this statement.
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


class RecommendationWriter:
    def __init__(self, vocabularies, *, source, filename, user=None, dry_run=False, skip_invalid=False):
        self.vocabularies = vocabularies
        self.source = source
        self.filename = filename
        self.user = user
        self.dry_run = dry_run
        self.skip_invalid = skip_invalid
        self.progress = Progress()

    def run(self, items, *, on_batch=None, record=None):
        """Consume the reader's items; return the saved RecommendationImport (raise ImportFailed if it failed).

        ``record``: a RecommendationImport saved beforehand (one queued from the
        admin) to fill in with the report, instead of a new one.
        """
        started_at = timezone.now()
        saved_before = record is not None
        if record is None:
            record = RecommendationImport(filename=self.filename[:255], user=self.user)
        record.source = self.source
        record.started_at = started_at
        error = ""
        try:
            with transaction.atomic():
                record.status = RecommendationImport.Status.DRY_RUN
                record.finished_at = started_at
                record.save()
                self._write_all(items, record, on_batch)
                if self.progress.rejections and not self.skip_invalid:
                    raise _Rollback
                if self.dry_run:
                    raise _Rollback
                record.status = RecommendationImport.Status.SUCCEEDED
                self._finish(record)
                versions.bump(versions.RECOMMENDATIONS)
                transaction.on_commit(analyze_written_tables)
                transaction.on_commit(lambda: reindex_import.enqueue(record.pk))
        except _Rollback:
            pass
        except ImportFileError as exc:
            error = str(exc)

        if record.status != RecommendationImport.Status.SUCCEEDED:
            # The transaction was rolled back: record what happened on its own (in the row
            # saved beforehand, which the rollback left as it was).
            if not saved_before:
                record.pk = None
            record.status = (
                RecommendationImport.Status.DRY_RUN
                if self.dry_run and not error
                else RecommendationImport.Status.FAILED
            )
            if record.status == RecommendationImport.Status.FAILED and not error:
                error = rejected_message(self.progress.rejections)
            record.error = error
            if record.status == RecommendationImport.Status.DRY_RUN:
                self._finish(record)
            else:
                self._finish(record, changes=False)
            if record.status == RecommendationImport.Status.FAILED:
                raise ImportFailed(record)
        return record

    def _finish(self, record, *, changes=True):
        progress = self.progress
        record.rows_read = progress.rows_read
        record.created = progress.created if changes else 0
        record.updated = progress.updated if changes else 0
        record.unchanged = progress.unchanged if changes else 0
        record.rejected = len(progress.rejections)
        record.rejections = [rejection.as_dict() for rejection in progress.rejections]
        record.warnings = [warning.as_dict() for warning in progress.warnings]
        record.finished_at = timezone.now()
        record.save()

    def _write_all(self, items, record, on_batch):
        locales = {}
        items = iter(items)
        while batch := list(islice(items, BATCH_SIZE)):
            records = []
            for item in batch:
                self.progress.rows_read += 1
                if isinstance(item, Rejection):
                    self.progress.rejections.append(item)
                    continue
                records.append(item)
                self.progress.warnings.extend(Rejection(item.line, warning) for warning in item.warnings)
            by_language = {}
            for item in records:
                by_language.setdefault(item.language, []).append(item)
            for language, language_records in by_language.items():
                if language not in locales:
                    locales[language] = Locale.objects.get(language_code=language)
                self._write_batch(language_records, locales[language], record)
            if on_batch:
                on_batch(self.progress)

    def _write_batch(self, records: list[RecommendationRecord], locale, import_record):
        # Two rows with the same key in one file: the later one wins, the earlier is counted once.
        unique = {}
        for item in records:
            unique[item.natural_key] = item
        existing = {
            recommendation.natural_key: recommendation
            for recommendation in Recommendation.objects.filter(
                locale=locale, natural_key__in=unique.keys()
            ).only("pk", "natural_key", *SCALAR_FIELDS)
        }
        current_relations = self._relations_of([r.pk for r in existing.values()])

        to_create, to_update = [], []
        now = timezone.now()
        for key, item in unique.items():
            values = self._scalar_values(item)
            relations = self._relation_values(item)
            instance = existing.get(key)
            if instance is None:
                values.update(
                    updated_at=now,
                    translation_key=uuid.uuid4(),
                    locale_id=locale.pk,
                    natural_key=key,
                    imported_by_id=import_record.pk,
                )
                to_create.append((values, relations))
                continue
            changed = any(getattr(instance, name) != value for name, value in values.items())
            if changed or current_relations.get(instance.pk, {}) != relations:
                for name, value in values.items():
                    setattr(instance, name, value)
                instance.imported_by = import_record
                instance.updated_at = now
                to_update.append((instance, relations))
            else:
                self.progress.unchanged += 1

        created_ids = _insert_recommendations([values for values, _ in to_create])
        self.progress.created += len(created_ids)
        if to_update:
            Recommendation.objects.bulk_update(
                [instance for instance, _ in to_update], [*SCALAR_FIELDS, "imported_by", "updated_at"]
            )
            ids = [instance.pk for instance, _ in to_update]
            for name in RELATIONS:
                Recommendation.link_table(name)[0].objects.filter(recommendation_id__in=ids).delete()
            self.progress.updated += len(to_update)
        relation_rows = [
            *((pk, relations) for pk, (_, relations) in zip(created_ids, to_create, strict=True)),
            *((instance.pk, relations) for instance, relations in to_update),
        ]
        self._create_relations(relation_rows)

    def _scalar_values(self, item):
        vocabularies = self.vocabularies
        return {
            # Rows are written in the locale of their language: originals.
            "is_original": True,
            "session_number": item.session,
            "state_code": item.state_under_review,
            "text": item.text,
            "number": item.number,
            "state_under_review_id": vocabularies.country_id(item.state_under_review),
            "cycle_id": vocabularies.cycle_id(item.cycle),
            "session_id": vocabularies.session_id(item.session) if item.session else None,
            "response": item.response,
            "response_as_published": item.response_as_published,
            "action_category": item.action_category,
            "source_symbol": item.source_symbol,
            "language": item.language,
        }

    def _relation_values(self, item):
        vocabularies = self.vocabularies
        return {
            "recommending_states": frozenset(
                vocabularies.country_id(code) for code in item.recommending_states
            ),
            "themes": frozenset(vocabularies.theme_id(slug) for slug in item.themes),
            "sdgs": frozenset(vocabularies.sdg_id(number) for number in item.sdgs),
            "affected_groups": frozenset(
                vocabularies.affected_group_id(slug) for slug in item.affected_groups
            ),
        }

    @staticmethod
    def _relations_of(ids):
        relations = {pk: {name: set() for name in RELATIONS} for pk in ids}
        if not ids:
            return {}
        for name in RELATIONS:
            through, target = Recommendation.link_table(name)
            for pk, target_id in through.objects.filter(recommendation_id__in=ids).values_list(
                "recommendation_id", target
            ):
                relations[pk][name].add(target_id)
        return {
            pk: {name: frozenset(values) for name, values in rel.items()} for pk, rel in relations.items()
        }

    @staticmethod
    def _create_relations(rows):
        # Link rows go in without model instances: COPY on PostgreSQL, executemany elsewhere.
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for name in RELATIONS:
                through, target = Recommendation.link_table(name)
                values = [(pk, target_id) for pk, relations in rows for target_id in relations[name]]
                if not values:
                    continue
                table = quote(through._meta.db_table)
                columns = f"({quote('recommendation_id')}, {quote(target)})"
                if connection.vendor == "postgresql":
                    with cursor.cursor.copy(f"COPY {table} {columns} FROM STDIN") as copy:
                        for row in values:
                            copy.write_row(row)
                else:
                    cursor.executemany(
                        f"INSERT INTO {table} {columns} VALUES (%s, %s)",  # noqa: S608 - names from the models
                        values,
                    )


def _insert_recommendations(rows):
    """Insert new recommendations given as field values; return their primary keys in order.

    On PostgreSQL the keys are drawn from the table's sequence and the rows
    go in with COPY, many times faster than INSERT for a large file.
    """
    if not rows:
        return []
    if connection.vendor != "postgresql":
        instances = Recommendation.objects.bulk_create([Recommendation(**values) for values in rows])
        return [instance.pk for instance in instances]
    meta = Recommendation._meta
    defaults = {"implementation_status": "", "source_document_id": None}
    columns = [field.attname for field in meta.concrete_fields]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [meta.db_table, len(rows)],
        )
        ids = [row[0] for row in cursor.fetchall()]
        with cursor.cursor.copy(
            f"COPY {quote(meta.db_table)} ({', '.join(quote(column) for column in columns)}) FROM STDIN"
        ) as copy:
            for pk, values in zip(ids, rows, strict=True):
                copy.write_row(
                    [pk if column == "id" else values.get(column, defaults.get(column)) for column in columns]
                )
    return ids


def rejected_message(rejections):
    """Why nothing was imported, and both ways out: the file corrected (or, for a state spelt
    another way, its alias added once for every later file), or the valid rows imported alone."""
    message = (
        f"{len(rejections)} row(s) were rejected, so nothing was imported. Correct them and import "
        "again, or import the valid rows alone: --skip-invalid on the command line, “Import the "
        "valid rows even if some are rejected” in the admin."
    )
    if any(names_an_unknown_state(rejection.reason) for rejection in rejections):
        message += (
            " A state the file spells another way is matched in every later import once its "
            "spelling is added under UPR database > State aliases in the admin."
        )
    return message
