"""What autocomplete suggests besides page titles: states, themes and index words.

A state or a theme is suggested when a word of its name (in the reader's language, or in
English) starts with what was typed; it comes with the search filter that shows its items. An
index word is suggested when it starts with the last word typed (search.words.completions): the
words of the recommendations and of every other entry, with how many entries hold it, and the
query to run. Each item says its ``kind`` and what to do with it (``search``: the parameters of
``/api/v2/search/``).
"""

from search import text, words

# Of the suggestions, at most this many states and this many themes: index words take the rest.
STATES = 3
THEMES = 3


def suggestions(typed, language, limit):
    """The states, themes and index words matching ``typed``, ``limit`` at most in all."""
    found = [*_vocabulary("countries", "state", "country", typed, language)[:STATES]]
    found += _vocabulary("themes", "theme", "theme", typed, language)[:THEMES]
    found = found[:limit]
    return found + _words(typed, limit - len(found))


def _matches(name, typed):
    """Whether ``name`` starts with ``typed`` or has a word that does, case and accents aside."""
    name = text.fold(name)
    return name.startswith(typed) or any(word.startswith(typed) for word in text.WORD.findall(name))


def _vocabulary(table, kind, parameter, typed, language):
    from upr.labels import Labels

    typed = text.fold(typed.strip())
    if not typed:
        return []
    shown = getattr(Labels.for_language(language), table)
    english = getattr(Labels.for_language("en"), table) if language != "en" else shown
    found = []
    for pk, label in shown.items():
        code_key, name_key = list(label)
        if _matches(label[name_key], typed) or _matches(english.get(pk, label)[name_key], typed):
            found.append(
                {
                    "kind": kind,
                    "title": label[name_key],
                    "code": label[code_key],
                    "search": {parameter: label[code_key]},
                }
            )
    return sorted(found, key=lambda item: (not text.fold(item["title"]).startswith(typed), item["title"]))


def _words(typed, limit):
    """The index words the last word of ``typed`` begins, as queries: the words before it kept."""
    if limit <= 0:
        return []
    found = list(text.WORD.finditer(typed))
    if not found or found[-1].end() != len(typed.rstrip()) or typed.count('"') % 2:
        return []
    last = found[-1]
    before = typed[: last.start()]
    return [
        {"kind": "word", "title": word, "count": count, "search": {"q": f"{before}{word}"}}
        for word, count, _stems in words.completions(last.group(), limit)
    ]
