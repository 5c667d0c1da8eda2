from django.db import migrations, models


class Migration(migrations.Migration):
    """Room for the versions of one page (``page:12``) and of one page type
    (``pagetype:publications.newspage``) beside the kinds of content."""

    dependencies = [
        ("api", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="contentversion",
            name="name",
            field=models.CharField(max_length=200, primary_key=True, serialize=False),
        ),
    ]
