"""Filters a page type offers on the pages endpoint, declared on the model like ``api_fields``::

    api_filters = [
        APIFilter("country", "countries__iso3", kind=APIFilter.CODE),
        APIFilter("year", "publication_date__year", kind=APIFilter.NUMBER),
    ]

``/api/v2/pages/?type=publications.PublicationPage&country=RWA,BDI&year=2024``: each filter takes
one value or several separated by commas; asking it of a type that does not declare it is an
error, not an empty list.
"""

from django.utils.translation import gettext as _

from api.parameters import is_whole_number


class InvalidFilter(ValueError):
    pass


class APIFilter:
    TEXT = "text"
    CODE = "code"  # compared in capitals (ISO codes)
    NUMBER = "number"

    def __init__(self, name, lookup, *, kind=TEXT):
        self.name, self.lookup, self.kind = name, lookup, kind

    def __repr__(self):
        return f"APIFilter({self.name!r}, {self.lookup!r}, kind={self.kind!r})"

    def values(self, raw):
        """The values of ``?name=raw``; InvalidFilter with the message for the reader."""
        values = [value.strip() for value in raw.split(",") if value.strip()]
        if self.kind == self.NUMBER:
            if not all(is_whole_number(value) for value in values):
                raise InvalidFilter(_("%(name)s: give whole numbers, e.g. %(name)s=2") % {"name": self.name})
            values = [int(value) for value in values]
        elif self.kind == self.CODE:
            values = [value.upper() for value in values]
        if not values:
            raise InvalidFilter(_("%(name)s: give at least one value") % {"name": self.name})
        return values

    def apply(self, queryset, values):
        # Through the primary key, so that a text search can still follow.
        matching = queryset.model.objects.filter(**{f"{self.lookup}__in": values}).values("pk")
        return queryset.filter(pk__in=matching)


def declared_filters(model):
    """``{name: APIFilter}`` that a page type declares."""
    return {api_filter.name: api_filter for api_filter in getattr(model, "api_filters", ())}
