"""The topics a subscriber may choose, as ``kind:code``: programme kinds (``programme-kind:<slug>``),
states (``country:<ISO 3166 alpha-3>``) and themes (``theme:<slug>``), checked against the
vocabularies, and named in the reader's language (in the default language where there is no
translation)."""

from django.conf import settings

from programmes.models import ProgrammeKind
from upr.models import Country, Theme

KINDS = {
    "programme-kind": (ProgrammeKind, "slug"),
    "country": (Country, "iso3"),
    "theme": (Theme, "slug"),
}


def normalise(topic):
    """The topic as it is stored: a state's code in capitals (``country:rwa`` is ``country:RWA``)."""
    kind, _colon, code = topic.partition(":")
    return f"{kind}:{code.upper()}" if kind == "country" else topic


def _names(kind, language):
    model, field = KINDS[kind]
    rows = (
        model.objects.filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
        .exclude(**{field: ""})
        .values_list(field, "name", "locale__language_code")
    )
    names = {}
    for code, name, row_language in rows:
        if row_language == language or code not in names:
            names[code] = name
    return names


def choices(language):
    """Every topic ``{"code", "kind", "name"}``, by kind (programme kinds, themes, states), then name."""
    result = []
    for kind in ("programme-kind", "theme", "country"):
        names = _names(kind, language)
        result += [
            {"code": f"{kind}:{code}", "kind": kind, "name": name}
            for code, name in sorted(names.items(), key=lambda item: item[1].casefold())
        ]
    return result


def unknown(topics):
    """The topics no vocabulary holds, in the order given."""
    wanted = {}
    for topic in topics:
        kind, _colon, code = topic.partition(":")
        wanted.setdefault(kind, set()).add(code)
    known = set()
    for kind, codes in wanted.items():
        if kind in KINDS:
            model, field = KINDS[kind]
            found = model.objects.filter(**{f"{field}__in": codes}).values_list(field, flat=True)
            known |= {f"{kind}:{code}" for code in found}
    return [topic for topic in topics if topic not in known]
