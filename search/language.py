"""Which of the site's languages a text is in, told by py3langid (langid.py's model, which knows
Kinyarwanda), limited to the languages of the site."""

import functools

from django.conf import settings

# Shorter than this, a guess is not worth keeping.
MINIMUM_CHARACTERS = 200
# Enough text to tell; reading more only takes longer.
SAMPLE_CHARACTERS = 20_000
MINIMUM_CONFIDENCE = 0.9


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES])
    return identifier


def detect(text):
    """The language code of ``text`` (e.g. "fr"), or "" when there is too little text to tell."""
    sample = text[:SAMPLE_CHARACTERS]
    if len(sample.strip()) < MINIMUM_CHARACTERS:
        return ""
    language, confidence = _identifier().classify(sample)
    return language if confidence >= MINIMUM_CONFIDENCE else ""
