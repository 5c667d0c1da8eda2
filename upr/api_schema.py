"""The OpenAPI description of the recommendations and vocabularies endpoints (upr/api.py)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema

from api.openapi import (
    DATE,
    INTEGER,
    NUMBER,
    STRING,
    URL,
    array,
    fields_parameter,
    list_parameter,
    locale_parameter,
    nullable,
    obj,
    window_parameters,
)
from api.parameters import MAX_QUERY_CHARACTERS, MAX_QUERY_WORDS
from upr.facets import FACETS
from upr.filters import FILTERS
from upr.labels import label_schema
from upr.models import ActionCategory, ImplementationStatus, Response

COUNTRY = label_schema("countries")
FACET_VALUE = obj(
    {
        "value": {"oneOf": [STRING, INTEGER]},
        "label": STRING,
        "count": INTEGER,
    }
)

RECOMMENDATION = obj(
    {
        "id": INTEGER,
        "meta": obj(
            {
                "type": {"type": "string", "enum": ["upr.Recommendation"]},
                "detail_url": URL,
                "language": {"type": "string", "description": "The language the recommendation was made in."},
                "text_language": {"type": "string", "description": "The language of `text`."},
            }
        ),
        "text": STRING,
        "number": STRING,
        "state_under_review": nullable(COUNTRY),
        "recommending_states": array(COUNTRY),
        "cycle": nullable(INTEGER),
        "session": nullable(INTEGER),
        "response": {"type": "string", "enum": Response.values},
        "response_as_published": STRING,
        "action_category": nullable({"type": "integer", "enum": ActionCategory.values}),
        "themes": array(label_schema("themes")),
        "sdgs": array(label_schema("sdgs")),
        "affected_groups": array(label_schema("affected_groups")),
        "implementation_status": nullable({"type": "string", "enum": ImplementationStatus.values}),
        "source_symbol": STRING,
    },
    required=[],
    description="A UPR recommendation. Every field is shown unless `?fields=` chooses.",
)

DOCUMENT = nullable(obj({"id": INTEGER, "title": STRING, "url": URL}))
REPEAT = obj(
    {
        "id": INTEGER,
        "detail_url": URL,
        "number": STRING,
        "text": {"type": "string", "description": "In the reader's language where translated."},
        "session": nullable(INTEGER),
        "cycle": nullable(INTEGER),
        "score": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "How alike the two texts are (shared word stems), from 0 to 1.",
        },
        "status": {
            "type": "string",
            "enum": ["suggested", "confirmed"],
            "description": "`suggested` from the texts alone, or `confirmed` by staff.",
        },
    },
    description="A recommendation made to the same state under review in another cycle, with the same ask.",
)
LOCALISED = {"id": INTEGER, "language": STRING}
RECOMMENDATION_DETAIL = {
    "allOf": [
        RECOMMENDATION,
        obj(
            {
                "assessments": array(
                    obj(
                        {
                            "status": {"type": "string", "enum": ImplementationStatus.values},
                            "status_label": STRING,
                            "assessed_on": DATE,
                            "assessed_by": STRING,
                            "comments": STRING,
                            "document": DOCUMENT,
                        }
                    )
                ),
                "implementation_plans": array(
                    obj(
                        {
                            **LOCALISED,
                            "goal": STRING,
                            "expected_government_action": STRING,
                            "indicators": STRING,
                            "responsible_body": STRING,
                            "action_strategy": array({"type": "object"}),
                        }
                    )
                ),
                "clusters": array(obj({**LOCALISED, "name": STRING, "description": STRING})),
                "source_document": DOCUMENT,
                "publications": array(
                    obj({"id": INTEGER, "title": STRING, "type": STRING, "url": nullable(URL)})
                ),
                "translations": array(STRING),
                "repeats": {
                    **array(REPEAT),
                    "description": "Earlier recommendations (same state, earlier cycles) that this one "
                    "repeats, most alike first; pairs staff rejected are left out.",
                },
                "repeated_by": {
                    **array(REPEAT),
                    "description": "Later recommendations (same state, later cycles) that repeat this one.",
                },
            },
            required=[],
        ),
    ]
}


def filter_parameters():
    descriptions = {
        "state": "The state under review (ISO 3166-1 alpha-3 code).",
        "recommending_state": "The recommending state (ISO 3166-1 alpha-3 code).",
        "cycle": "The UPR cycle number.",
        "session": "The UPR session number.",
        "theme": "A theme (its slug, see themes/).",
        "affected_group": "An affected group (its slug, see affected-groups/).",
    }
    parameters = [
        list_parameter(
            name,
            descriptions.get(
                name, spec.help.capitalize() + "." if spec.help else f"The {name.replace('_', ' ')}."
            ),
            enum=spec.choices or None,
            numbers=spec.kind is int,
        )
        for name, spec in FILTERS.items()
    ]
    return [
        *parameters,
        OpenApiParameter(
            "q",
            {"type": "string", "maxLength": MAX_QUERY_CHARACTERS},
            description=f"Words the text must contain (any language); the first {MAX_QUERY_WORDS} are read.",
        ),
    ]


ORDERS = ["number", "-number", "session", "-session", "state", "updated", "-updated"]

LISTING = extend_schema(
    summary="UPR recommendations, filtered and counted by facets",
    parameters=[
        *filter_parameters(),
        locale_parameter("The language of texts (where translated) and labels."),
        fields_parameter(),
        *window_parameters(),
        OpenApiParameter("order", str, enum=ORDERS, description="Newest session first by default."),
        list_parameter(
            "facets",
            "The facets to count in `meta.facets` (all by default; `none` for none).",
            enum=[*FACETS, "all", "none"],
        ),
    ],
    responses={
        200: obj(
            {
                "meta": obj(
                    {
                        "total_count": INTEGER,
                        "facets": obj(
                            {name: array(FACET_VALUE) for name in FACETS},
                            required=[],
                            description="For each facet asked for, the count of each value given the other filters.",
                        ),
                    },
                    required=["total_count"],
                ),
                "items": array(RECOMMENDATION),
            }
        )
    },
)

DETAIL = extend_schema(
    summary="One recommendation with its assessments, plans, clusters, the publications that cite it "
    "and the recommendations it repeats or that repeat it",
    parameters=[locale_parameter("The language of texts (where translated) and labels."), fields_parameter()],
    responses={200: RECOMMENDATION_DETAIL},
)

COUNTS = array(
    obj({"value": {"oneOf": [STRING, INTEGER]}, "label": STRING, "count": INTEGER, "share": NUMBER})
)
STATS = extend_schema(
    summary="Counts of the filtered recommendations by response, cycle, theme, states and implementation",
    parameters=[*filter_parameters(), locale_parameter("The language of labels.")],
    responses={
        200: obj(
            {
                "total_count": INTEGER,
                "implementation": obj(
                    {
                        "assessed": INTEGER,
                        "partially_or_fully_implemented": INTEGER,
                        "share_of_assessed": nullable(NUMBER),
                    }
                ),
                "response": COUNTS,
                "cycle": COUNTS,
                "theme": COUNTS,
                "state": COUNTS,
                "recommending_state": COUNTS,
                "action_category": COUNTS,
                "implementation_status": COUNTS,
            }
        )
    },
)

EXPORT = extend_schema(
    summary="The filtered recommendations as a CSV or Excel file",
    parameters=[
        OpenApiParameter("extension", str, OpenApiParameter.PATH, enum=["csv", "xlsx"]),
        *filter_parameters(),
        locale_parameter("The language of texts and labels."),
    ],
    responses={
        (200, "text/csv"): OpenApiResponse(OpenApiTypes.BINARY, description="CSV, UTF-8"),
        (
            200,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ): OpenApiResponse(OpenApiTypes.BINARY, description="Excel workbook"),
    },
)


def vocabulary(summary, item):
    return extend_schema(
        summary=summary,
        parameters=[
            locale_parameter("The language of the labels."),
            fields_parameter(),
            *window_parameters(),
        ],
        description="Every item by default; with `limit` or `offset`, that window of them (`meta.total_count` "
        "counts them all).",
        responses={200: obj({"meta": obj({"total_count": INTEGER}), "items": array(obj(item, required=[]))})},
    )


COUNTRIES = vocabulary(
    "States, with their regional group and memberships",
    {
        **COUNTRY["properties"],
        "regional_group": obj({"value": STRING, "label": STRING}),
        "memberships": array(STRING),
    },
)
SESSION_DATES = {
    "national_report_deadline": "Last day for the State under review to submit its national report.",
    "un_compilation_deadline": "Last day for UN entities to send OHCHR their information for the compilation.",
    "stakeholder_deadline": "Last day for civil society to send its submission to OHCHR.",
    "starts_on": "First day of the Working Group's session.",
    "ends_on": "Last day of the Working Group's session.",
    "mid_term_report_due": "When the mid-term reports of the States reviewed at this session are due.",
}
SESSIONS = vocabulary(
    "UPR sessions and their dates, each with the document that states it",
    {
        "number": INTEGER,
        "cycle": INTEGER,
        **{
            name: {**nullable(DATE), "description": description}
            for name, description in SESSION_DATES.items()
        },
        "sources": obj(
            {name: nullable(STRING) for name in SESSION_DATES},
            description=(
                "Where each date is stated: a UN document symbol, its paragraph, the file; null for a date "
                "that is not known (or, from older entries, known without its source)."
            ),
        ),
    },
)
THEMES = vocabulary("Themes of recommendations", label_schema("themes")["properties"])
SDGS = vocabulary("Sustainable Development Goals", label_schema("sdgs")["properties"])
AFFECTED_GROUPS = vocabulary(
    "Groups affected by recommendations", label_schema("affected_groups")["properties"]
)
