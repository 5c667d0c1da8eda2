"""Search entries into the search backend's index, in bulk.

Elasticsearch and SQLite's FTS take the entries through Wagtail's ``add_bulk``. On PostgreSQL,
Wagtail's database backend compiles one ``to_tsvector`` expression per field and entry in Python
and then averages the length of every title of the whole index, for each batch: an import of
40,000 recommendations spent most of its time there. Here the same rows are written by one
``INSERT … SELECT`` per batch, computed by PostgreSQL from the entries' own columns: what
``add_bulk`` would have written (the test compares them), in a fraction of the time.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router

from wagtail.search.backends import get_search_backend
from wagtail.search.index import AutocompleteField, RelatedFields, SearchField

from search.models import SearchEntry

CHUNK = 5000
# What Python's ``str.strip()`` removes from a field's text before Wagtail indexes it (ASCII).
WHITESPACE = "E' \\t\\n\\r\\f\\v'"


def index_entries(pks):
    """Write (or rewrite) the index rows of the search entries with these primary keys."""
    pks = sorted(set(pks))
    if not pks:
        return
    backend = get_search_backend()
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        if _is_postgres_database_backend(backend):
            _insert_select(backend, chunk)
        else:
            backend.add_bulk(SearchEntry, list(SearchEntry.objects.filter(pk__in=chunk)))


def _is_postgres_database_backend(backend):
    try:
        from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend
    except ImportError:  # psycopg missing: not PostgreSQL
        return False
    return isinstance(backend, PostgresSearchBackend)


def _vector(connection, fields, config, weights):
    """SQL of the vector of these search fields, as Wagtail's ``ObjectIndexer.as_vector`` builds it
    (the fields' texts stripped, empty ones left out, each weighted by its boost)."""
    parts = []
    for field in fields:
        column = connection.ops.quote_name(SearchEntry._meta.get_field(field.field_name).column)
        weight = weights(field)
        parts.append(
            f"CASE WHEN btrim({column}, {WHITESPACE}) = '' THEN ''::tsvector "
            f"ELSE setweight(to_tsvector({config}, btrim({column}, {WHITESPACE})), '{weight}') END"
        )
    return " || ".join(parts) if parts else "''::tsvector"


def _text(connection, fields):
    """SQL of the plain text of these fields (for fuzzy search), joined by spaces as Wagtail does."""
    quoted = [connection.ops.quote_name(SearchEntry._meta.get_field(f.field_name).column) for f in fields]
    columns = [f"NULLIF(btrim({column}, {WHITESPACE}), '')" for column in quoted]
    return f"concat_ws(' ', {', '.join(columns)})" if columns else "''"


def _insert_select(backend, pks):
    from wagtail.search.backends.database.postgres.weights import get_weight
    from wagtail.search.models import IndexEntry

    connection = connections[router.db_for_write(IndexEntry)]
    fields = SearchEntry.get_search_fields()
    if any(isinstance(f, RelatedFields) for f in fields):
        raise ValueError("the entries' search fields must be columns of their own table")
    searched = [f for f in fields if isinstance(f, SearchField)]
    title = [f for f in searched if f.field_name == "title"]
    body = [f for f in searched if f.field_name != "title"]
    autocomplete = [f for f in fields if isinstance(f, AutocompleteField)]

    def config(name):
        return "%s::regconfig" if name else "get_current_ts_config()"

    search_config = backend.config
    params = []
    title_sql = _vector(connection, title, config(search_config), lambda f: get_weight(f.boost))
    params += [search_config] * len(title) if search_config else []
    autocomplete_sql = _vector(connection, autocomplete, "%s::regconfig", lambda f: "D")
    params += [backend.autocomplete_config] * len(autocomplete)
    body_sql = _vector(connection, body, config(search_config), lambda f: get_weight(f.boost))
    params += [search_config] * len(body) if search_config else []
    quote = connection.ops.quote_name
    table = quote(IndexEntry._meta.db_table)
    entries = quote(SearchEntry._meta.db_table)
    content_type = ContentType.objects.get_for_model(SearchEntry).pk
    with connection.cursor() as cursor:
        # The names come from the models, every value is a parameter.
        cursor.execute(
            f"""
            INSERT INTO {table}
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
            SELECT %s, id::text, {title_sql}, {autocomplete_sql}, {body_sql}, 1.0,
                   {_text(connection, title)}, {_text(connection, body)}
            FROM {entries} WHERE id = ANY(%s)
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title,
                          title_norm = 1.0,
                          autocomplete = EXCLUDED.autocomplete,
                          body = EXCLUDED.body,
                          title_text = EXCLUDED.title_text,
                          body_text = EXCLUDED.body_text
            """,  # noqa: S608
            [content_type, *params, list(pks)],
        )
    if title:
        # Only entries with a title vector take part in Wagtail's title norms.
        backend.get_index_for_model(SearchEntry)._refresh_title_norms()
