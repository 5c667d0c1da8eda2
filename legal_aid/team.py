"""The "Legal team" group: the only people, with superusers, who can see requests for legal assistance."""

from django.contrib.auth.models import Group, Permission

LEGAL_TEAM = "Legal team"
# (app_label, codename)
PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("legal_aid", "view_legalaidrequest"),
    ("legal_aid", "change_legalaidrequest"),
    ("legal_aid", "view_auditentry"),
)


def ensure_legal_team():
    """The group with its permissions, created if needed (the data migration does the same)."""
    group, _created = Group.objects.get_or_create(name=LEGAL_TEAM)
    group.permissions.add(
        *[
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in PERMISSIONS
        ]
    )
    return group


def is_legal_team(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=LEGAL_TEAM).exists()


def notification_addresses():
    """Where the team is told of a new request: ``LEGAL_AID_NOTIFY_EMAILS``, else the addresses of
    the team's active members (superusers are not the team: they are not written to)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model

    if settings.LEGAL_AID_NOTIFY_EMAILS:
        return list(settings.LEGAL_AID_NOTIFY_EMAILS)
    members = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=LEGAL_TEAM)
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
    return list(members)
