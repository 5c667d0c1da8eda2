"""A small glossary of UPR terms in English, French and Kinyarwanda, to widen a query across languages.

``search/reference/glossary.csv`` holds one concept a row: its names in each language, several
separated by ``|`` ("liberté d'expression|liberté d'opinion et d'expression"), and where they come
from. The English names are UPR Info's issues (the themes of the recommendations) and the words
recommendations use for them; the French ones follow the French text of the Universal Declaration
where it names the right (its article is given), else the UN's usual French term; the Kinyarwanda
ones are given only where the product's own Kinyarwanda content uses them (the file it is in is
given). A query that names a concept in one language ("liberté d'expression") also finds the items
that name it in another ("freedom of opinion and expression"): :class:`search.text.Query`.
"""

import csv
import functools
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parent / "reference" / "glossary.csv"
LANGUAGES = ("en", "fr", "rw")


@functools.cache
def concepts():
    """``[(concept, ((language, name), …))]`` of the glossary file: the concepts named in more
    than one way."""
    found = []
    with GLOSSARY.open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            names = [
                (language, name.strip())
                for language in LANGUAGES
                for name in (row.get(language) or "").split("|")
                if name.strip()
            ]
            if len(names) > 1:
                found.append((row["concept"], tuple(names)))
    return found
