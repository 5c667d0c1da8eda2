"""Labels and choices of the CMS's vocabularies, in the reader's language.

States and themes come from the API. The publication and event types are the API's enums; their
labels are the CMS's own texts, translated in the same catalogues.
"""

from django.utils.translation import gettext_lazy as _

from frontend import api_client

PUBLICATION_TYPES = {
    "upr_report": _("UPR report"),
    "stakeholder_report": _("Stakeholder / alternative report"),
    "mid_term_assessment": _("Mid-term assessment"),
    "implementation_plan": _("Implementation plan"),
    "annual_report": _("Annual report"),
    "newsletter": _("Newsletter issue"),
    "training_manual": _("Training manual"),
    "media_publication": _("Media publication"),
}
EVENT_TYPES = {
    "workshop": _("Workshop"),
    "training": _("Training"),
    "conference": _("Conference"),
    "pre_session": _("UPR pre-session"),
    "webinar": _("Webinar"),
    "other": _("Other"),
}
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "rw": "Ikinyarwanda"}


def countries(language):
    return [
        (item["code"], item["name"])
        for item in api_client.get_data("countries/", {"locale": language})["items"]
    ]


def themes(language):
    return [
        (item["slug"], item["name"]) for item in api_client.get_data("themes/", {"locale": language})["items"]
    ]


def cycles():
    numbers = sorted({item["cycle"] for item in api_client.get_data("sessions/")["items"]})
    return [(str(number), str(number)) for number in numbers]
