from django.db import migrations, models


def keep_the_version(apps, schema_editor):
    """The one version of before, moved here: every kind of content as of that moment."""
    OldVersion = apps.get_model("home", "ContentVersion")
    ContentVersion = apps.get_model("api", "ContentVersion")
    old = OldVersion.objects.filter(pk=1).first()
    if old is not None:
        for name in ("content", "recommendations", "vocabularies", "search"):
            ContentVersion.objects.update_or_create(name=name, defaults={"changed_at": old.changed_at})


def put_it_back(apps, schema_editor):
    OldVersion = apps.get_model("home", "ContentVersion")
    ContentVersion = apps.get_model("api", "ContentVersion")
    latest = ContentVersion.objects.order_by("-changed_at").first()
    if latest is not None:
        OldVersion.objects.update_or_create(pk=1, defaults={"changed_at": latest.changed_at})


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0005_rich_text_h2_and_images"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("name", models.CharField(max_length=40, primary_key=True, serialize=False)),
                ("changed_at", models.DateTimeField()),
            ],
            options={"verbose_name": "content version"},
        ),
        migrations.RunPython(keep_the_version, put_it_back),
    ]
