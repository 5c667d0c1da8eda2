"""The compiled catalogues committed under locales/ say exactly what their .po files say."""

from pathlib import Path

import polib
import pytest

from django.conf import settings

CATALOGUES = sorted(Path(settings.BASE_DIR, "locales").glob("*/LC_MESSAGES/django.po"))


def test_there_is_a_catalogue_per_content_language():
    languages = {path.parents[1].name for path in CATALOGUES}
    assert languages == {code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES}


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda path: path.parents[1].name)
def test_compiled_catalogue_matches_its_source(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make messages`"
    po = polib.pofile(str(po_path))
    mo = polib.mofile(str(mo_path))
    translated = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in po.translated_entries()}
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo if entry.msgid}
    assert compiled == translated, f"{mo_path} is out of date: run `make messages`"
    assert not po.fuzzy_entries(), f"{po_path} has fuzzy entries, which are not compiled"
