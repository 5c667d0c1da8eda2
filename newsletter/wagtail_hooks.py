"""The subscriber list in the admin (with CSV export and deletion, which is erasure), for editors with
the newsletter permissions; the sending screens (admin_views.py)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Subscriber


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Newsletter subscribers")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["email", "language", "status", DateColumn("consent_at", label=_("Consent given"))]
    list_filter = ["status", "language"]
    list_export = ["email", "language", "status", "topics", "consent_at", "consent_text"]
    export_filename = "newsletter-subscribers"
    search_fields = ["email"]
    search_backend_name = None  # the database, not the search index: addresses are never indexed
    ordering = ["email"]
    copy_view_enabled = False
    inspect_view_enabled = True


register_snippet(SubscriberViewSet)
