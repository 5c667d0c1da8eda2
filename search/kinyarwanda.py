"""A light stemmer for Kinyarwanda: a word without its noun-class (or infinitive) prefix.

Kinyarwanda nouns change their first syllables with their number: *umuntu* (a person), *abantu*
(people); *umunyamakuru* (a journalist), *abanyamakuru* (journalists); *igihugu* (a country),
*ibihugu* (countries); and lose their initial vowel (the augment) after some words: *muntu*,
*gihugu*, *burenganzira*. Verbs are written in the infinitive with *ku-*/*kw-*/*gu-*. So a word is
indexed and looked for without one such prefix, the longest that leaves at least ``MIN_STEM``
letters: *abanyamakuru* and *umunyamakuru* are both *nyamakuru*.

The prefixes are those of Kinyarwanda's noun classes 1 to 16, with and without the augment, and
of the infinitive. It is light on purpose: suffixes (verb extensions,
*-ir-*, *-w-*) are left alone, and two words of one stem in different classes (*umuntu*,
*ikintu*) meet, as a stemmer's words of one root do in any language. The word pairs it is
measured on are in ``tests/search/test_kinyarwanda.py``, each with where it comes from.
"""

MIN_STEM = 3

PREFIXES = sorted(
    {
        # With the augment (the initial vowel)
        "umu", "umw", "aba", "abw", "imi", "imy", "ama", "iki", "iky", "ibi", "iby", "igi", "icy",
        "uru", "urw", "aka", "utu", "ubu", "ubw", "uku", "ukw", "aha", "in", "im", "i",
        # Without it (after a locative, a negation or a demonstrative)
        "mu", "mw", "ba", "bw", "mi", "my", "ma", "ki", "ky", "bi", "by", "gi", "cy", "ru", "rw",
        "ka", "tu", "bu", "ku", "kw", "ha", "gu",
    },
    key=len,
    reverse=True,
)  # fmt: skip


def stem(word):
    """``word`` (folded) without its class prefix; unchanged when none leaves a stem long enough."""
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            return word[len(prefix) :]
    return word
