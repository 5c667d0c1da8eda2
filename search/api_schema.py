"""The OpenAPI description of the search and autocomplete endpoints (search/api.py)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema

from api.openapi import (
    BOOLEAN,
    DATE,
    INTEGER,
    LANGUAGE,
    PAGE_SUMMARY,
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
from search.autocomplete import STATES
from search.models.entries import Kind
from search.query import FILTERS, ORDERS, WIDEN_BELOW
from upr.api_schema import RECOMMENDATION
from upr.models import Response

MAX_PAGE_SIZE = 50

HIT = obj(
    {
        "type": {"type": "string", "enum": Kind.values},
        "title": STRING,
        "date": nullable(DATE),
        "language": nullable(STRING),
        "excerpt": {"type": "string", "description": "HTML: the matching words in <mark>."},
        "page": nullable(PAGE_SUMMARY),
        "detail_url": URL,
        "documents": array(
            obj(
                {
                    "id": INTEGER,
                    "title": STRING,
                    "language": LANGUAGE,
                    "url": STRING,
                    "page": {
                        "type": "integer",
                        "description": "The page of the PDF where the words are most.",
                    },
                    "excerpt": STRING,
                    "pages": {
                        **array(obj({"page": INTEGER, "excerpt": STRING})),
                        "description": "Every page of the PDF where the words are, in order (50 at most).",
                    },
                }
            )
        ),
        "recommendation": nullable(RECOMMENDATION),
    },
    required=[],
    description="What was found: a page (`page`, `detail_url`; a publication's PDFs that match in `documents`) "
    "or a recommendation (`recommendation`).",
)
FACET_VALUE = obj(
    {"value": {"oneOf": [STRING, INTEGER]}, "label": STRING, "count": INTEGER, "selected": BOOLEAN}
)

FILTER_DESCRIPTIONS = {
    "type": ("What kind of item.", Kind.values),
    "country": ("A country the item is about (ISO 3166-1 alpha-3 code).", None),
    "theme": ("A theme (its slug).", None),
    "language": ("The language of the item or of its documents.", None),
    "cycle": ("A UPR cycle number.", None),
    "session": ("A UPR session number.", None),
    "year": ("The year of the item's date.", None),
    "response": ("The response to a recommendation.", Response.values),
}

SEARCH = extend_schema(
    summary="One ranked search over pages, publications and their PDFs, videos, events and recommendations",
    parameters=[
        OpenApiParameter(
            "q",
            {"type": "string", "maxLength": MAX_QUERY_CHARACTERS},
            description='Words to match, in any of their forms; "quoted words" are a phrase, which must '
            "match. Items with every word come first; when fewer than "
            f"{WIDEN_BELOW} have them all, those with some of the words follow, ranked below "
            f"(`meta.all_words_count` says how many have them all). The first {MAX_QUERY_WORDS} words are read.",
        ),
        locale_parameter("The language searched in, and of labels."),
        OpenApiParameter("order", str, enum=list(ORDERS)),
        list_parameter(
            "facets",
            "The facets to count in `meta.facets` (all by default; `none` for none).",
            enum=[*FILTERS, "all", "none"],
        ),
        fields_parameter(),
        *window_parameters(MAX_PAGE_SIZE),
        *[
            list_parameter(name, *FILTER_DESCRIPTIONS[name], numbers=name in ("cycle", "session", "year"))
            for name in FILTERS
        ],
    ],
    responses={
        200: obj(
            {
                "meta": obj(
                    {
                        "total_count": INTEGER,
                        "all_words_count": {
                            "type": "integer",
                            "description": "How many items have every word of `q` (and its phrases): the "
                            "first ones. When it is below `total_count`, the others have some of the words.",
                        },
                        "query": STRING,
                        "locale": LANGUAGE,
                        "order": {"type": "string", "enum": list(ORDERS)},
                        "suggestion": nullable(
                            obj(
                                {
                                    "q": {
                                        "type": "string",
                                        "description": "The query with each word that matches nothing "
                                        "replaced by the closest word of the index: the query to offer.",
                                    },
                                    "words": array(obj({"typed": STRING, "suggested": STRING})),
                                },
                                description="Did you mean: null when every word of `q` matches (or none "
                                "that does not has a close word in the index).",
                            )
                        ),
                        "facets": {
                            "type": "object",
                            "description": "For each filter, its values with their count (ignoring that filter).",
                            "additionalProperties": array(FACET_VALUE),
                        },
                    }
                ),
                "items": array(HIT),
            }
        )
    },
)


SUGGESTION = obj(
    {
        "kind": {"type": "string", "enum": ["page", "state", "theme", "word"]},
        "title": {"type": "string", "description": "What to show: a title, a name, a word."},
        "id": {"type": "integer", "description": "A page's id."},
        "url": {"type": "string", "description": "A page: where it is (go there)."},
        "type": {"type": "string", "description": "A page: its type."},
        "code": {"type": "string", "description": "A state's ISO 3166-1 alpha-3 code, a theme's slug."},
        "count": {"type": "integer", "description": "A word: how many items of the index hold it."},
        "search": {
            "type": "object",
            "additionalProperties": STRING,
            "description": "A state, theme or word: the parameters of the search to run "
            '(`{"country": "RWA"}`, `{"theme": "torture"}`, `{"q": "genocide"}`).',
        },
    },
    required=["kind", "title"],
)


def autocomplete(page_types):
    return extend_schema(
        summary="Titles of live, public pages that start with what the reader typed; states, themes "
        "and index words that match",
        parameters=[
            OpenApiParameter(
                "q", str, required=True, description="What the reader typed (at least one letter)."
            ),
            locale_parameter("Only pages in this language."),
            OpenApiParameter("type", str, enum=page_types, description="Only pages of this type."),
            OpenApiParameter("limit", int, description=f"How many suggestions (at most {MAX_PAGE_SIZE})."),
            fields_parameter(),
        ],
        responses={
            200: obj(
                {
                    "meta": obj({"total_count": INTEGER}),
                    "items": {
                        **array(obj(PAGE_SUMMARY["properties"], required=[])),
                        "description": "The pages whose title starts with `q` (`total_count` of them).",
                    },
                    "suggestions": {
                        **array(SUGGESTION),
                        "description": "Everything to suggest, in order: the same pages, then the "
                        "states and the themes whose name (in the reader's language or in English) "
                        f"has a word starting with `q` ({STATES} of each at most), then the index "
                        "words starting with the last word of `q`, the most frequent first; "
                        "`limit` of those beside the pages. None but the pages when `type` is given.",
                    },
                }
            )
        },
    )
