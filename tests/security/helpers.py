import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a-long-test-password"  # users.factories.UserFactory's


def totp_code(device, steps_ahead=0):
    """The code an authenticator app shows for ``device`` now (or that many 30-second steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def give_app(user):
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def editors_group():
    """Wagtail's Editors group with what its migrations give it (admin access, pages from the root,
    images and documents of the root collection), made again if an earlier test took it away."""
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    from tests.support.site_tree import ensure_base_tree

    ensure_base_tree()  # the root page and collection, if a transactional test emptied the tables

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    group, _created = Group.objects.get_or_create(name="Editors")
    group.permissions.add(permission("wagtailadmin", "access_admin"))
    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=permission("wagtailcore", codename)
        )
    collection = Collection.get_first_root_node()
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in ("add", "change", "choose"):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission(app_label, f"{action}_{model}")
            )
    return group


def give_passkey(user, name="Security key"):
    """A confirmed passkey as django-otp-webauthn stores one (the key's bytes do not matter here)."""
    import os

    from django_otp_webauthn.models import WebAuthnCredential

    return WebAuthnCredential.objects.create(
        user=user, name=name, confirmed=True, credential_id=os.urandom(32), public_key=os.urandom(77)
    )
