from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_supported_content_language_variant


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


def in_default_locale():
    """``limit_choices_to`` for the UPR vocabularies: pages point to their source (default-locale) rows.

    The API gives their names in the page's language (see ``upr.labels``),
    so a French page and its English source point to the same rows.
    """
    return models.Q(locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
