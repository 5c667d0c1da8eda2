"""On PostgreSQL, a text search configuration that matches without accents: "liberte" finds
"liberté", "cote d'ivoire" finds "Côte d'Ivoire".

``cms_english`` is PostgreSQL's ``english`` with the ``unaccent`` dictionary before the stemmer;
the settings give it to Wagtail's database search backend (``SEARCH_CONFIG``). ``unaccent`` is a
trusted extension: the database's owner may create it. Text indexed before this migration keeps
its accents until ``manage.py update_index`` runs.
"""

from django.db import migrations

CONFIGURATION = "cms_english"


def create_configuration(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute(
        f"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIGURATION}') THEN
                CREATE TEXT SEARCH CONFIGURATION {CONFIGURATION} (COPY = english);
                ALTER TEXT SEARCH CONFIGURATION {CONFIGURATION}
                    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
            END IF;
        END $$
        """
    )


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIGURATION}")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_search_entries")]

    operations = [migrations.RunPython(create_configuration, drop_configuration)]
