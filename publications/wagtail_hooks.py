from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet

from publications import admin_views
from publications.admin_filters import EventFilterSet, NewsFilterSet, PublicationFilterSet
from publications.models import EventPage, NewsPage, PublicationPage
from publications.processing import HOOK as PROCESSING_STEP_HOOK


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


# Wagtail's document screens at their own addresses, registered ahead of Wagtail's (order -1) so
# that these answer: the listing, its results, the edit form and the chooser's two lists.
@hooks.register("register_admin_urls", order=-1)
def register_document_screens():
    from wagtail.documents.views.chooser import viewset as chooser_viewset

    return [
        path("documents/", admin_views.DocumentIndexView.as_view(), name="publications_documents"),
        path(
            "documents/results/",
            admin_views.DocumentIndexView.as_view(results_only=True),
            name="publications_documents_results",
        ),
        path(
            "documents/edit/<int:document_id>/",
            admin_views.DocumentEditView.as_view(),
            name="publications_document_edit",
        ),
        path(
            "documents/<int:document_id>/process-again/",
            admin_views.ProcessAgainView.as_view(),
            name="publications_document_process_again",
        ),
        path(
            "documents/chooser/",
            chooser_viewset.construct_view(
                admin_views.DocumentChooseView,
                icon=chooser_viewset.icon,
                page_title=chooser_viewset.page_title,
                search_tab_label=chooser_viewset.search_tab_label,
                creation_tab_label=chooser_viewset.creation_tab_label,
            ),
            name="publications_document_chooser",
        ),
        path(
            "documents/chooser/results/",
            chooser_viewset.construct_view(admin_views.DocumentChooseResultsView),
            name="publications_document_chooser_results",
        ),
    ]


@hooks.register(PROCESSING_STEP_HOOK)
def register_cover_step():
    return admin_views.CoverStep()
