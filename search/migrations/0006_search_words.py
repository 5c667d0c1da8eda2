"""The table of index words ("did you mean", completing the last word typed), and each entry's words.

On PostgreSQL, the ``pg_trgm`` extension and a trigram index of the folded words, through which
the words close to a misspelt one are found (``folded % 'genocde'``). ``pg_trgm`` is a trusted
extension: the database's owner may create it. The words of the entries written before this
migration are counted by ``manage.py rebuild_search``.
"""

from django.db import migrations, models


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS search_word_trigram ON search_searchword USING gin (folded gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_word_trigram")


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0005_id_as_text_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='searchentry',
            name='words',
            field=models.TextField(blank=True),
        ),
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.CharField(max_length=64)),
                ('folded', models.CharField(max_length=64)),
                ('language', models.CharField(max_length=8)),
                ('stem', models.CharField(max_length=64)),
                ('length', models.PositiveSmallIntegerField()),
                ('count', models.PositiveIntegerField(help_text='How many search entries hold the word.')),
            ],
            options={
                'verbose_name': 'search word',
                'verbose_name_plural': 'search words',
                'indexes': [models.Index(fields=['stem'], name='search_word_stem'), models.Index(fields=['folded'], name='search_word_prefix', opclasses=['varchar_pattern_ops'])],
                'constraints': [models.UniqueConstraint(fields=('word', 'language'), name='search_word_unique')],
            },
        ),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
