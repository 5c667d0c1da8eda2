from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from legal_aid.models import LegalInformationPage


class LegalInformationIndexView(IndexView):
    # The page reviewed longest ago comes first: it is the most likely to be wrong.
    default_ordering = "last_reviewed"


class LegalInformationPageListingViewSet(PageListingViewSet):
    """Every legal information page with the date a lawyer last checked it."""

    model = LegalInformationPage
    index_view_class = LegalInformationIndexView
    icon = "help"
    menu_label = _("Legal information")
    add_to_admin_menu = True
    menu_order = 250
    columns = [
        *PageListingViewSet.columns,
        Column("topic", label=_("Topic"), accessor="get_topic_display", sort_key="topic"),
        DateColumn("last_reviewed", label=_("Last reviewed"), sort_key="last_reviewed"),
    ]
    list_filter = ["topic", "locale"]


@hooks.register("register_admin_viewset")
def register_legal_information_listing():
    return LegalInformationPageListingViewSet("legal_information")
