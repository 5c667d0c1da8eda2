"""The subscriber list in the admin (with CSV export and deletion, which is erasure), for editors with
the newsletter permissions; the sending screens (admin_views.py)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from publications.models import NewsletterPage

from . import admin_views
from .models import Subscriber


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Newsletter subscribers")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["email", "language", "status", DateColumn("consent_at", label=_("Consent given"))]
    list_filter = ["status", "language"]
    list_export = ["email", "language", "status", "topics", "time_zone", "consent_at", "consent_text"]
    export_filename = "newsletter-subscribers"
    search_fields = ["email"]
    search_backend_name = None  # the database, not the search index: addresses are never indexed
    ordering = ["email"]
    copy_view_enabled = False
    inspect_view_enabled = True


register_snippet(SubscriberViewSet)


@hooks.register("register_admin_urls")
def register_sending_urls():
    return [
        path(
            "newsletter/",
            include((admin_views.urlpatterns, "newsletter_admin"), namespace="newsletter_admin"),
        )
    ]


@hooks.register("register_page_listing_more_buttons")
def send_newsletter_button(page, user, next_url=None):
    if isinstance(page.specific_deferred, NewsletterPage) and user.has_perm(admin_views.PERMISSION):
        yield Button(_("Send as newsletter"), reverse("newsletter_admin:send", args=[page.pk]), priority=90)
