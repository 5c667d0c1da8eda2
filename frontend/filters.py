"""The filters of the publications index: read from the query, checked, and given to the API."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from frontend import vocabularies

PUBLICATION_FILTERS = ("publication_type", "country", "cycle", "year", "language", "theme")


def _whole(value):
    return value if value.isdigit() and len(value) <= 4 else ""


def publication_filters(request):
    """(what the reader chose, the API's parameters for it); a value that cannot be is dropped."""
    chosen = {name: request.GET.get(name, "").strip()[:100] for name in PUBLICATION_FILTERS}
    chosen["cycle"] = _whole(chosen["cycle"])
    chosen["year"] = _whole(chosen["year"])
    if chosen["publication_type"] not in vocabularies.PUBLICATION_TYPES:
        chosen["publication_type"] = ""
    if chosen["language"] not in vocabularies.LANGUAGE_NAMES:
        chosen["language"] = ""
    return chosen, {name: value for name, value in chosen.items() if value}


def publication_filter_fields(chosen):
    """Each filter as the template draws it: name, label, choices and the chosen value."""
    language = get_language()
    choices = {
        "publication_type": list(vocabularies.PUBLICATION_TYPES.items()),
        "country": vocabularies.countries(language),
        "cycle": vocabularies.cycles(),
        "language": list(vocabularies.LANGUAGE_NAMES.items()),
        "theme": vocabularies.themes(language),
    }
    labels = {
        "publication_type": _("Type"),
        "country": _("State"),
        "cycle": _("UPR cycle"),
        "year": _("Year"),
        "language": _("Language"),
        "theme": _("Theme"),
    }
    return [
        {"name": name, "label": labels[name], "choices": choices.get(name), "value": chosen[name]}
        for name in PUBLICATION_FILTERS
    ]
