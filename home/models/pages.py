from wagtail_headless_preview.models import HeadlessPreviewMixin

from django.conf import settings
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from api.api_fields import LocalisedStreamField, TranslationsField
from home.blocks import BodyStreamBlock, FeaturedStreamBlock


class BasePage(HeadlessPreviewMixin, Page):
    """Fields and translation rules that every page of the site shares.

    With ``HEADLESS_PREVIEW_URL`` set, an editor's preview opens the front end at that address
    with a token, and the front end reads the draft from ``/api/v2/page-preview/``
    (wagtail-headless-preview); without it, Wagtail's own preview.
    """

    translatable_fields = [
        TranslatableField("title"),
        # The same slug in every language keeps /en/x/, /fr/x/ and /rw/x/ aligned.
        SynchronizedField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
    ]

    search_fields = [
        *Page.search_fields,
        index.FilterField("locale"),
    ]

    api_fields = [
        APIField("search_description"),
        APIField("translations", serializer=TranslationsField()),
    ]
    # The filters of the pages endpoint this type offers (api/filters.py), e.g. ?country=RWA.
    api_filters = []
    # The kind of its results in search (search/models/entries.py Kind); None: not a search result.
    search_result_kind = "page"
    # A result's date (a date or date-time field; else when it was first published) and its
    # summary (the first of these fields that is not empty).
    search_result_date = None
    search_result_summary = ("search_description", "intro")

    class Meta:
        abstract = True

    def get_url_parts(self, request=None):
        """With ``PUBLIC_SITE_URL``, a page's address is on the public site: View live, ``html_url``
        in the API, the sitemap and the feeds point there."""
        parts = super().get_url_parts(request)
        if parts is None or not settings.PUBLIC_SITE_URL:
            return parts
        site_id, _root_url, page_path = parts
        return site_id, settings.PUBLIC_SITE_URL.rstrip("/"), page_path

    def serve(self, request, *args, **kwargs):
        """The public site shows pages, not the CMS: a reader who lands here is sent there (or told
        there is nothing here, when no public site is configured and the type has no template)."""
        if settings.PUBLIC_SITE_URL:
            return redirect(self.get_full_url(request))
        try:
            select_template([self.get_template(request, *args, **kwargs)])
        except TemplateDoesNotExist:
            raise Http404 from None
        return super().serve(request, *args, **kwargs)

    def serve_preview(self, request, preview_mode):
        if settings.HEADLESS_PREVIEW_URL:
            return super().serve_preview(request, preview_mode)
        return Page.serve_preview(self, request, preview_mode)


class IndexPage(BasePage):
    """A listing of one kind of page, once per language under the home page: an intro above the list.

    Only a way in: not a search result itself.
    """

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown above the list.")
    )

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    search_result_kind = None

    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True


class HomePage(BasePage):
    """The root of the site in each language."""

    intro = models.TextField(
        blank=True,
        help_text=_("One or two sentences that say what the organisation does."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)
    featured = StreamField(
        FeaturedStreamBlock(),
        blank=True,
        use_json_field=True,
        help_text=_("The publications, events, programmes or videos the home page puts forward, in order."),
    )

    parent_page_types = ["wagtailcore.Page"]
    # The way in to everything else: not a search result.
    search_result_kind = None

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
        TranslatableField("featured"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("intro"),
        APIField("body"),
        APIField("featured", serializer=LocalisedStreamField()),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("featured"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("home page")


class StandardPage(BasePage):
    """A plain page: about us, contact, privacy…"""

    intro = models.TextField(blank=True, help_text=_("A sentence or two above the body."))
    body = StreamField(BodyStreamBlock(), use_json_field=True)

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")
