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
