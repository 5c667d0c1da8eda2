"""Public read API of the recommendations database: /api/v2/recommendations/ and the vocabularies."""

import functools
import operator

from rest_framework.response import Response as APIResponse

from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, CharField, Exists, ExpressionWrapper, IntegerField, OuterRef, Q
from django.db.models.functions import Cast, Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import translation

from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Page, ReferenceIndex, get_page_models

from api import versions
from api.api import ListingAPIViewSet
from api.contract import (
    APIContractMixin,
    VersionsByAddressMixin,
    limit_max,
    only_fields,
    page_window,
    request_language,
    selected_fields,
)
from api.openapi import extend_schema_actions
from api.public import public_tree
from upr import api_schema
from upr.api_fields import RECOMMENDATION_FIELDS, serialize_recommendations, serialize_repeats, shown_pairs
from upr.export import csv_response, xlsx_response
from upr.facets import FACETS, cached, facets, stats
from upr.filters import FILTERS, RecommendationQuery
from upr.labels import Labels
from upr.models import (
    Assessment,
    Cluster,
    Country,
    ImplementationPlan,
    Recommendation,
    RegionalGroup,
    Session,
)

ORDERINGS = {
    "number": ("number", "pk"),
    "-number": ("-number", "-pk"),
    "session": ("session_number", "state_code", "number", "pk"),
    "-session": (Coalesce("session_number", 0).desc(), "state_code", "number", "pk"),
    "state": ("state_code", Coalesce("session_number", 0).desc(), "number", "pk"),
    "updated": ("updated_at", "pk"),
    "-updated": ("-updated_at", "-pk"),
}
# Newest session first; the index upr_rec_listing_order serves it.
DEFAULT_ORDERING = ORDERINGS["-session"]


class CountedQuerySet:
    """A queryset whose count is already known (from the cache), for Wagtail's paginator."""

    def __init__(self, queryset, count):
        self.queryset = queryset
        self._count = count

    def count(self):
        return self._count

    def __getitem__(self, index):
        return self.queryset[index]


@extend_schema_actions(
    listing_view=api_schema.LISTING,
    detail_view=api_schema.DETAIL,
    stats_view=api_schema.STATS,
    export_view=api_schema.EXPORT,
)
class RecommendationsAPIViewSet(VersionsByAddressMixin, APIContractMixin, BaseAPIViewSet):
    model = Recommendation
    name = "recommendations"

    @classmethod
    def versions_of_request(cls, request, url_name, kwargs):
        """What the answers show: recommendations with their labels; a detail, its source document
        and the pages citing it (their titles and addresses, and which cite it). Known from the
        address alone, so that a kept answer is checked in one query (api/caching.py)."""
        if url_name == "detail":
            return (
                versions.RECOMMENDATIONS,
                versions.VOCABULARIES,
                versions.ASSETS,
                versions.SUMMARIES,
                versions.REFERENCES,
                # The pages that list it among their own (a publication's, a programme's).
                *(versions.type_version(model) for model in citing_page_types()),
            )
        # A text query is answered from the recommendations' search entries: their version too.
        return (
            versions.RECOMMENDATIONS,
            versions.VOCABULARIES,
            *((versions.RECOMMENDATION_SEARCH,) if RecommendationQuery.text_of(request.GET) else ()),
        )

    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(
        {"q", "locale", "facets", "order", *FILTERS}
    )
    # What ?fields= may name: the fields of an item of the listing, and those of the detail only.
    listing_fields = RECOMMENDATION_FIELDS
    detail_fields = (
        *RECOMMENDATION_FIELDS,
        "assessments",
        "implementation_plans",
        "clusters",
        "source_document",
        "publications",
        "translations",
        "repeats",
        "repeated_by",
    )

    def get_queryset(self):
        return Recommendation.objects.originals()

    def check_query_parameters(self, queryset):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised filter: " + ", ".join(sorted(unknown))
            )

    def _detail_url(self, pk):
        return self.request.build_absolute_uri(reverse("wagtailapi:recommendations:detail", args=[pk]))

    def listing_view(self, request):
        base = self.get_queryset()
        self.check_query_parameters(base)
        language = request_language(request)
        query = RecommendationQuery(request.GET)
        ordering = request.GET.get("order", "")
        if ordering and ordering not in ORDERINGS:
            raise BadRequestError(f"order: “{ordering}” is not one of {', '.join(ORDERINGS)}")
        queryset = query.apply(base).order_by(*ORDERINGS.get(ordering, DEFAULT_ORDERING))
        total = cached("count", query, (), queryset.count)

        page = self.paginate_queryset(CountedQuerySet(queryset, total))
        fields = selected_fields(request, self.listing_fields)
        labels = Labels.for_language(language)
        with translation.override(language):
            data = {
                "meta": {"total_count": total},
                "items": [
                    only_fields(item, fields)
                    for item in serialize_recommendations(page, labels, language, self._detail_url)
                ],
            }
            wanted = self._facet_names(request)
            if wanted:
                data["meta"]["facets"] = cached(
                    "facets", query, (language, wanted), lambda: facets(base, query, labels, wanted)
                )
        return APIResponse(data)

    @staticmethod
    def _facet_names(request):
        raw = request.GET.get("facets", "all")
        if raw in ("", "none", "false"):
            return []
        if raw == "all":
            return list(FACETS)
        names = [name.strip() for name in raw.split(",") if name.strip()]
        unknown = [name for name in names if name not in FACETS]
        if unknown:
            raise BadRequestError(
                f"facets: unknown facet(s) {', '.join(unknown)}; choose from {', '.join(FACETS)}"
            )
        return names

    def detail_view(self, request, pk):
        """One recommendation with its follow-up: whether it has assessments, plans, clusters or
        pages that cite it is read with the row, so that only those it has cost a query."""
        reference = _citing_pages(Cast(OuterRef("pk"), CharField()))
        queryset = (
            self.get_queryset()
            .select_related("source_document")
            .annotate(
                has_assessments=Exists(Assessment.objects.filter(recommendation=OuterRef("pk"))),
                has_plans=Exists(ImplementationPlan.objects.filter(recommendation=OuterRef("pk"))),
                has_repeats=Exists(shown_pairs(OuterRef("pk"))),
                has_clusters=Exists(
                    Cluster.recommendations.through.objects.filter(recommendation=OuterRef("pk"))
                ),
                is_cited=_any_exists([reference, *(rows for rows, _field in _listing_rows(OuterRef("pk")))]),
            )
        )
        recommendation = get_object_or_404(queryset, pk=pk)
        language = request_language(request)
        fields = selected_fields(request, self.detail_fields)
        labels = Labels.for_language(language)
        texts = dict(
            Recommendation.objects.filter(translation_key=recommendation.translation_key).values_list(
                "locale__language_code", "text"
            )
        )
        translated = {recommendation.translation_key: texts[language]} if language in texts else {}
        with translation.override(language):
            (item,) = serialize_recommendations(
                [recommendation], labels, language, self._detail_url, translated=translated
            )
            item["assessments"] = [
                {
                    "status": assessment.status,
                    "status_label": assessment.get_status_display(),
                    "assessed_on": assessment.assessed_on.isoformat(),
                    "assessed_by": assessment.assessed_by,
                    "comments": assessment.comments,
                    "document": _document(assessment.document, request),
                }
                for assessment in (
                    recommendation.assessments.select_related("document")
                    if recommendation.has_assessments
                    else ()
                )
            ]
            item["implementation_plans"] = [
                _plan(plan, language)
                for plan in (
                    recommendation.plans.filter(locale__language_code=recommendation.language)
                    if recommendation.has_plans
                    else ()
                )
            ]
            item["clusters"] = [
                _localised(cluster, language, ("name", "description"))
                for cluster in (
                    Cluster.objects.filter(
                        recommendations=recommendation, locale__language_code=recommendation.language
                    ).select_related("locale")
                    if recommendation.has_clusters
                    else ()
                )
            ]
            item["source_document"] = _document(recommendation.source_document, request)
            item["publications"] = (
                _referencing_pages(recommendation, language) if recommendation.is_cited else []
            )
            item["translations"] = sorted(texts)
            # Earlier recommendations this one repeats, and later ones repeating it (upr.repetitions).
            item.update(serialize_repeats(recommendation, labels, language, self._detail_url))
        return APIResponse(only_fields(item, fields))

    def stats_view(self, request):
        base = self.get_queryset()
        self.check_query_parameters(base)
        language = request_language(request)
        query = RecommendationQuery(request.GET)
        return APIResponse(cached("stats", query, language, lambda: stats(query.apply(base), language)))

    def export_view(self, request, extension):
        base = self.get_queryset()
        self.check_query_parameters(base)
        language = request_language(request)
        queryset = RecommendationQuery(request.GET).apply(base)
        labels = Labels.for_language(language)
        if extension == "csv":
            return csv_response(queryset, labels, language, self._detail_url)
        if extension == "xlsx":
            return xlsx_response(queryset, labels, language, self._detail_url)
        raise Http404("export formats: csv, xlsx")

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("stats/", cls.as_view({"get": "stats_view"}), name="stats"),
            path("export.<str:extension>", cls.as_view({"get": "export_view"}), name="export"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]


def _document(document, request):
    if document is None:
        return None
    return {"id": document.pk, "title": document.title, "url": request.build_absolute_uri(document.url)}


def _in_language(instance, language):
    """The translation of ``instance`` in ``language``, or the instance itself until it is translated."""
    if instance.locale.language_code == language:
        return instance
    translated = instance.get_translations().filter(locale__language_code=language).first()
    return translated or instance


def _localised(instance, language, fields):
    source = _in_language(instance, language)
    return {
        "id": instance.pk,
        "language": source.locale.language_code,
        **{f: getattr(source, f) for f in fields},
    }


def _plan(plan: ImplementationPlan, language):
    data = _localised(
        plan, language, ("goal", "expected_government_action", "indicators", "responsible_body")
    )
    source = _in_language(plan, language)
    data["action_strategy"] = [dict(block.value) for block in source.action_strategy]
    return data


def _citing_pages(recommendation_pk):
    """The reference-index rows of the pages that link to this recommendation (in their text)."""
    return ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(Recommendation),
        to_object_id=recommendation_pk,
        base_content_type=ContentType.objects.get_for_model(Page),
    )


def _any_exists(querysets):
    """True where any of these subqueries has a row."""
    return ExpressionWrapper(
        functools.reduce(operator.or_, (Q(Exists(queryset)) for queryset in querysets)),
        output_field=BooleanField(),
    )


@functools.cache
def citing_relations():
    """The page types' own lists of recommendations (a publication's, a programme's): tables of
    their own, which Wagtail's reference index does not read. ``(page type, through model, the
    through model's field to the page)``."""
    relations = []
    for model in get_page_models():
        for field in model._meta.local_many_to_many:
            if field.related_model is Recommendation:
                through = field.remote_field.through
                relations.append((model, through, field.m2m_field_name()))
    return tuple(relations)


def citing_page_types():
    return tuple(model for model, _through, _field in citing_relations())


def _listing_rows(recommendation):
    """The rows of the page types' own lists that name this recommendation (or ``OuterRef``), each
    with the name of its field to the page."""
    return [
        (through.objects.filter(recommendation=recommendation), page_field)
        for _model, through, page_field in citing_relations()
    ]


def _referencing_pages(recommendation, language):
    """Live, public pages that name this recommendation (publications that assess it,
    programmes that work on it, pages that link to it), each in the reader's language where it is
    translated: one query."""
    citing = _citing_pages(str(recommendation.pk)).annotate(page_id=Cast("object_id", IntegerField()))
    cited = Q(pk__in=citing.values("page_id"))
    for rows, page_field in _listing_rows(recommendation):
        cited |= Q(pk__in=rows.values(page_field))
    keys = Page.objects.filter(cited).values("translation_key")
    candidates = (
        Page.objects.filter(translation_key__in=keys, live=True).select_related("locale").order_by("pk")
    )
    tree = public_tree()
    by_key = {}
    for page in candidates:
        if not tree.is_public(page):
            continue
        chosen = by_key.get(page.translation_key)
        if chosen is None or page.locale.language_code == language:
            by_key[page.translation_key] = page
    return [
        {"id": page.pk, "title": page.title, "type": page.specific_class._meta.label, "url": page.full_url}
        for page in by_key.values()
    ]


class VocabularyAPIViewSet(ListingAPIViewSet):
    """A read-only list of a vocabulary, labels in ?locale=; ``item_fields`` are what ?fields= may name."""

    known_query_parameters = frozenset({"locale", "fields", "format", "_", "limit", "offset"})
    content_versions = (versions.VOCABULARIES,)
    item_fields = ()

    def listing_view(self, request):
        """Every item (a front end offers them all as a filter), or the window ``limit``/``offset``
        asks for, as every listing takes them."""
        self.check_query_parameters()
        language = request_language(request)
        fields = selected_fields(request, self.item_fields)
        window = page_window(request, default=limit_max()) if {"limit", "offset"} & set(request.GET) else None
        with translation.override(language):
            items = [only_fields(item, fields) for item in self.items(Labels.for_language(language))]
        total = len(items)
        if window is not None:
            offset, limit = window
            items = items[offset : offset + limit]
        return APIResponse({"meta": {"total_count": total}, "items": items})


@extend_schema_actions(listing_view=api_schema.COUNTRIES)
class CountriesAPIViewSet(VocabularyAPIViewSet):
    model = Country
    name = "countries"
    item_fields = ("code", "name", "regional_group", "memberships")

    def items(self, labels):
        groups = dict(Country.objects.filter(pk__in=labels.countries).values_list("pk", "regional_group"))
        memberships = {}
        for pk, code in Country.memberships.through.objects.filter(
            country_id__in=labels.countries
        ).values_list("country_id", "organisation__code"):
            memberships.setdefault(pk, []).append(code)
        return sorted(
            (
                {
                    **country,
                    "regional_group": {"value": groups[pk], "label": str(RegionalGroup(groups[pk]).label)},
                    "memberships": sorted(memberships.get(pk, [])),
                }
                for pk, country in labels.countries.items()
            ),
            key=lambda item: item["name"],
        )


@extend_schema_actions(listing_view=api_schema.SESSIONS)
class SessionsAPIViewSet(VocabularyAPIViewSet):
    model = Session
    name = "sessions"
    item_fields = ("number", "cycle", *Session.DATE_FIELDS, "sources")

    def items(self, labels):
        """Each session with every date (null when not known) and, under ``sources``, where it is stated."""
        items = []
        for session in Session.objects.select_related("cycle"):
            dates = dict.fromkeys(Session.DATE_FIELDS, (None, None)) | {
                name: (day.isoformat(), source or None) for name, (day, source) in session.dates().items()
            }
            items.append(
                {
                    "number": session.number,
                    "cycle": session.cycle.number,
                    **{name: day for name, (day, _) in dates.items()},
                    "sources": {name: source for name, (_, source) in dates.items()},
                }
            )
        return items


@extend_schema_actions(listing_view=api_schema.THEMES)
class ThemesAPIViewSet(VocabularyAPIViewSet):
    model = Recommendation.themes.rel.model
    name = "themes"
    item_fields = ("slug", "name")

    def items(self, labels):
        return sorted(labels.themes.values(), key=lambda item: item["name"])


@extend_schema_actions(listing_view=api_schema.SDGS)
class SDGsAPIViewSet(VocabularyAPIViewSet):
    model = Recommendation.sdgs.rel.model
    name = "sdgs"
    item_fields = ("number", "title")

    def items(self, labels):
        return sorted(labels.sdgs.values(), key=lambda item: item["number"])


@extend_schema_actions(listing_view=api_schema.AFFECTED_GROUPS)
class AffectedGroupsAPIViewSet(VocabularyAPIViewSet):
    model = Recommendation.affected_groups.rel.model
    name = "affected_groups"
    item_fields = ("slug", "name")

    def items(self, labels):
        return sorted(labels.affected_groups.values(), key=lambda item: item["name"])
