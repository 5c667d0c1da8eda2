from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts import passkeys, views


@hooks.register("register_admin_urls")
def register_accounts_urls():
    return [
        path("account/verify/", views.verify, name="accounts_verify"),
        path("account/two-step/", views.security, name="accounts_security"),
        path("account/two-step/set-up/", views.enrol, name="accounts_enrol"),
        path("accounts/second-factors/", views.staff_factors, name="accounts_staff_factors"),
        path("accounts/second-factors/<int:pk>/reset/", views.reset_factors, name="accounts_reset_factors"),
        path("accounts/lockouts/", views.lockouts, name="accounts_lockouts"),
        path("accounts/lockouts/unlock/", views.unlock, name="accounts_unlock"),
        *passkeys.urlpatterns(),
    ]


@hooks.register("register_account_menu_item")
def two_step_account_item(request):
    return {
        "url": reverse("accounts_security"),
        "label": _("Two-step verification"),
        "help_text": _("An authenticator app, passkeys and recovery codes for signing in."),
    }


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def second_factors_menu_item():
    return SuperuserMenuItem(
        _("Second factors"), reverse("accounts_staff_factors"), icon_name="key", order=910
    )


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return SuperuserMenuItem(_("Sign-in lockouts"), reverse("accounts_lockouts"), icon_name="lock", order=920)
