from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    JOURNALISTS_RIGHTS = "journalists_rights", _("Journalists’ rights")
    ARREST_AND_DETENTION = "arrest_and_detention", _("Arrest and detention")
    DEFAMATION_AND_LAWSUITS = "defamation_and_lawsuits", _("Defamation and lawsuits")
    EQUIPMENT_SEIZURE = "equipment_seizure", _("Equipment seizure")
    ACCREDITATION = "accreditation", _("Accreditation")
    ONLINE_HARASSMENT = "online_harassment", _("Online harassment")
    SAFETY = "safety", _("Safety")
    HOW_TO_GET_HELP = "how_to_get_help", _("How to get help")
    OTHER = "other", _("Other")


class ProblemType(models.TextChoices):
    ARREST_OR_DETENTION = "arrest_or_detention", _("Arrest or detention")
    THREAT_OR_ATTACK = "threat_or_attack", _("Threat or attack")
    LAWSUIT = "lawsuit", _("Defamation or other lawsuit")
    EQUIPMENT_SEIZURE = "equipment_seizure", _("Equipment seizure")
    ACCREDITATION = "accreditation", _("Accreditation")
    ONLINE_HARASSMENT = "online_harassment", _("Online harassment")
    OTHER = "other", _("Other")


class Urgency(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediate: someone is in danger or detained now")
    DAYS = "days", _("Within a few days")
    NOT_URGENT = "not_urgent", _("Not urgent")


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone call")
    SIGNAL = "signal", _("Signal")
    WHATSAPP = "whatsapp", _("WhatsApp")
    OTHER = "other", _("Other")


class PreferredLanguage(models.TextChoices):
    ENGLISH = "en", "English"
    FRENCH = "fr", "Français"
    KINYARWANDA = "rw", "Ikinyarwanda"


class CaseStatus(models.TextChoices):
    NEW = "new", _("New")
    TRIAGED = "triaged", _("Triaged")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    REFERRED = "referred", _("Referred")
    CLOSED = "closed", _("Closed")


@dataclass(frozen=True)
class CoreField:
    """A field every request form has, because case handling needs it; its key and type are fixed."""

    key: str
    field_type: str
    label: str
    help_text: str = ""
    required: bool = True
    choices: type[models.TextChoices] | None = None


CORE_FIELDS = (
    CoreField("name", "singleline", _("Your name"), _("Leave empty to stay anonymous."), required=False),
    CoreField(
        "contact_method",
        "dropdown",
        _("How can we reach you safely?"),
        choices=ContactMethod,
    ),
    CoreField(
        "contact",
        "singleline",
        _("Your address or number"),
        _("The email address or the number (with its country code) we should use."),
    ),
    CoreField("media_outlet", "singleline", _("Media outlet"), required=False),
    CoreField("country", "singleline", _("Country"), _("Where it happened.")),
    CoreField("problem_type", "dropdown", _("What happened?"), choices=ProblemType),
    CoreField("incident_date", "date", _("Date of the incident"), _("An approximate date is fine.")),
    CoreField(
        "description",
        "multiline",
        _("Description"),
        _("What happened, who is involved, what you need. Write only what you are comfortable sharing."),
    ),
    CoreField("urgency", "radio", _("How urgent is it?"), choices=Urgency),
    CoreField("preferred_language", "dropdown", _("Preferred language"), choices=PreferredLanguage),
    CoreField(
        "consent",
        "checkbox",
        _("I agree that the legal team processes these data to help me."),
        _(
            "Only the legal team reads your request. It is stored encrypted and deleted after the case is closed."
        ),
    ),
)
CORE_FIELDS_BY_KEY = {field.key: field for field in CORE_FIELDS}

# The box a requester ticks to get one email saying that their message arrived. Every form offers
# it, after its own fields; editors do not manage it. The answer is never stored with the request:
# it only decides whether the acknowledgement is queued (legal_aid.services.submit_request).
ACKNOWLEDGEMENT = CoreField(
    "acknowledgement",
    "checkbox",
    _("Send me an email confirming that my message arrived"),
    _(
        "Only if you chose email above. Leave it unticked if someone else may read your mailbox: the "
        "email has a plain subject and says only that a message arrived, nothing of what you wrote."
    ),
    required=False,
)
