from django.contrib.auth.management import create_permissions
from django.db import migrations

LEGAL_TEAM = "Legal team"
PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("legal_aid", "view_legalaidrequest"),
    ("legal_aid", "change_legalaidrequest"),
    ("legal_aid", "view_auditentry"),
)


def create_legal_team(apps, schema_editor):
    # The permissions of this app's models are created after the migrations; make them now.
    app_config = apps.get_app_config("legal_aid")
    app_config.models_module = getattr(app_config, "models_module", None) or True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=LEGAL_TEAM)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_legal_team(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=LEGAL_TEAM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("legal_aid", "0002_requests"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_legal_team, remove_legal_team)]
