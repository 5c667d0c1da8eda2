"""On PostgreSQL, index what Wagtail's database search backend matches: title and body together.

The backend filters on ``(title || body) @@ query``; its own GIN indexes cover
``title`` and ``body`` separately, which that expression cannot use, so every
search read the whole index table (340 ms for "journalists" among 100,000
recommendations, 0.2 ms with this index).
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index)]
