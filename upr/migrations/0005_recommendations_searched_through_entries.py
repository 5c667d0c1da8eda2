"""Recommendations leave Wagtail's index: they are searched through their search entries."""

from django.db import migrations


def forget_index_entries(apps, schema_editor):
    """Wagtail's database index keeps a row per recommendation that nothing reads or updates any
    more (an Elasticsearch index loses them at its next ``update_index``)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="upr", model="recommendation").first()
    if content_type is None:
        return
    connection = schema_editor.connection
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        if "wagtailsearch_sqliteftsindexentry" in tables:  # SQLite's full-text table beside the entries
            cursor.execute(
                "DELETE FROM wagtailsearch_sqliteftsindexentry WHERE rowid IN "
                "(SELECT id FROM wagtailsearch_indexentry WHERE content_type_id = %s)",
                [content_type.pk],
            )
        cursor.execute("DELETE FROM wagtailsearch_indexentry WHERE content_type_id = %s", [content_type.pk])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("upr", "0004_id_as_text_index"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="recommendation", name="upr_rec_id_as_text"),
        migrations.RunPython(forget_index_entries, migrations.RunPython.noop, elidable=True),
    ]
