"""Languages that Django does not ship, registered the way Django knows its own.

Django describes each language it supports in ``django.conf.locale.LANG_INFO``
(used by ``get_language_info``, the ``{% get_language_info %}`` tag and every
language switcher). Kinyarwanda is not among them; adding its entry there,
together with the catalogue in ``locales/rw/LC_MESSAGES`` (which makes
``check_for_language("rw")`` true), makes ``rw`` a full language for Django.
"""

from django.conf.locale import LANG_INFO

EXTRA_LANG_INFO = {
    "rw": {
        "bidi": False,
        "code": "rw",
        "name": "Kinyarwanda",
        "name_local": "Ikinyarwanda",
    },
}


def register_extra_languages():
    for code, info in EXTRA_LANG_INFO.items():
        LANG_INFO.setdefault(code, info)
