"""The language switch and the hreflang alternates of a page."""

from django.conf import settings
from django.utils.translation import get_language


def switch(request, paths):
    """One entry per language: its path and whether the page exists in it (else its home page).

    ``paths`` maps languages to the path of the page's translation in each, where there is one.
    """
    current = get_language()
    names = dict(settings.LANGUAGES)
    entries = []
    for code, _name in settings.LANGUAGES:
        path = paths.get(code)
        entries.append(
            {
                "language": code,
                "name": names[code],
                "path": path or f"/{code}/",
                "exists": path is not None,
                "current": code == current,
            }
        )
    alternates = [
        {"language": entry["language"], "url": request.build_absolute_uri(entry["path"])}
        for entry in entries
        if entry["exists"]
    ]
    return {"language_switch": entries, "alternates": alternates}


def same_path(request):
    """``{language: path}`` for a view of this site that exists in every language (search…)."""
    current = get_language()
    full = request.get_full_path()
    if not full.startswith(f"/{current}/"):
        return {}
    rest = full[len(current) + 1 :]
    return {code: f"/{code}{rest}" for code, _name in settings.LANGUAGES}
