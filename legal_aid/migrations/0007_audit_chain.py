"""Number and seal every audit entry (legal_aid.audit_chain), oldest first, and keep user ids after an account goes."""

from django.conf import settings
from django.db import migrations, models

from legal_aid.audit_chain import GENESIS, seal_of


def chain_existing_entries(apps, schema_editor):
    AuditEntry = apps.get_model("legal_aid", "AuditEntry")
    previous, sequence, batch = GENESIS, 0, []
    for entry in AuditEntry.objects.order_by("at", "pk").iterator(chunk_size=2000):
        sequence += 1
        entry.sequence = sequence
        entry.hash = seal_of(entry, previous)
        previous = entry.hash
        batch.append(entry)
        if len(batch) == 2000:
            AuditEntry.objects.bulk_update(batch, ["sequence", "hash"])
            batch = []
    if batch:
        AuditEntry.objects.bulk_update(batch, ["sequence", "hash"])


class Migration(migrations.Migration):
    dependencies = [
        ("legal_aid", "0006_alter_auditentry_action"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditentry",
            name="user",
            field=models.ForeignKey(
                db_constraint=False,
                editable=False,
                null=True,
                on_delete=models.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="user",
            ),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="sequence",
            field=models.PositiveBigIntegerField(db_index=True, editable=False, null=True, verbose_name="number"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="hash",
            field=models.CharField(default="", editable=False, max_length=64, verbose_name="seal"),
            preserve_default=False,
        ),
        migrations.RunPython(chain_existing_entries, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="auditentry",
            name="sequence",
            field=models.PositiveBigIntegerField(db_index=True, editable=False, verbose_name="number"),
        ),
        migrations.AlterModelOptions(
            name="auditentry",
            options={
                "default_permissions": ("view",),
                "ordering": ["-sequence", "-pk"],
                "verbose_name": "audit entry",
                "verbose_name_plural": "audit entries",
            },
        ),
    ]
