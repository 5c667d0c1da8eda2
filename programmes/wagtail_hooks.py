import django_filters

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from programmes.models import ProgrammeKind, ProgrammePage, TrainingVideoPage
from upr.models import Country, Theme, source_rows


class ProgrammeKindViewSet(SnippetViewSet):
    model = ProgrammeKind
    icon = "tag"
    menu_label = _("Programme kinds")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]
    ordering = ["name"]


register_snippet(ProgrammeKindViewSet)


class ProgrammeFilterSet(PageFilterSet):
    kind = django_filters.ModelChoiceFilter(
        label=_("Kind"), queryset=ProgrammeKind.objects.filter(source_rows())
    )
    country = django_filters.ModelChoiceFilter(
        label=_("State"),
        field_name="countries",
        queryset=Country.objects.filter(source_rows()),
        distinct=True,
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=Theme.objects.filter(source_rows()), distinct=True
    )

    class Meta:
        model = ProgrammePage
        fields = []


class TrainingVideoFilterSet(PageFilterSet):
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.WAGTAIL_CONTENT_LANGUAGES)
    topic = django_filters.ModelChoiceFilter(label=_("Topic"), queryset=Theme.objects.filter(source_rows()))

    class Meta:
        model = TrainingVideoPage
        fields = []


class ProgrammeListing(PageListingViewSet):
    model = ProgrammePage
    icon = "folder-open-inverse"
    menu_label = _("Programmes")
    add_to_admin_menu = True
    menu_order = 140
    filterset_class = ProgrammeFilterSet
    columns = [*PageListingViewSet.columns, Column("kind", label=_("Kind"), accessor="kind")]


class TrainingVideoListing(PageListingViewSet):
    model = TrainingVideoPage
    icon = "media"
    menu_label = _("Training videos")
    add_to_admin_menu = True
    menu_order = 145
    filterset_class = TrainingVideoFilterSet


@hooks.register("register_admin_viewset")
def register_programme_listing():
    return ProgrammeListing("programme_pages")


@hooks.register("register_admin_viewset")
def register_video_listing():
    return TrainingVideoListing("training_video_pages")
