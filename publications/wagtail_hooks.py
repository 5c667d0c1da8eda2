from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet

from publications.admin_filters import EventFilterSet, NewsFilterSet, PublicationFilterSet
from publications.models import EventPage, NewsPage, PublicationPage


class PublicationListing(PageListingViewSet):
    model = PublicationPage
    icon = "doc-full-inverse"
    menu_label = _("Publications")
    filterset_class = PublicationFilterSet
    columns = [
        *PageListingViewSet.columns,
        Column("publication_type", label=_("Type"), accessor="get_publication_type_display"),
        DateColumn("publication_date", label=_("Published"), sort_key="publication_date"),
    ]


class NewsListing(PageListingViewSet):
    model = NewsPage
    icon = "pick"
    menu_label = _("News")
    filterset_class = NewsFilterSet
    columns = [*PageListingViewSet.columns, DateColumn("date", label=_("Date"), sort_key="date")]


class EventListing(PageListingViewSet):
    model = EventPage
    icon = "date"
    menu_label = _("Events")
    filterset_class = EventFilterSet
    columns = [
        *PageListingViewSet.columns,
        Column("event_type", label=_("Type"), accessor="get_event_type_display"),
        DateColumn("starts_at", label=_("Starts"), sort_key="starts_at"),
    ]


class ContentGroup(ViewSetGroup):
    menu_label = _("Content")
    menu_icon = "folder-open-inverse"
    menu_order = 150
    items = (
        PublicationListing("publication_pages"),
        NewsListing("news_pages"),
        EventListing("event_pages"),
    )


@hooks.register("register_admin_viewset")
def register_listings():
    return ContentGroup()
