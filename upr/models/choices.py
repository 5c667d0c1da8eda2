from django.db import models
from django.utils.translation import gettext_lazy as _


class Response(models.TextChoices):
    SUPPORTED = "supported", _("Supported")
    NOTED = "noted", _("Noted")
    SUPPORTED_IN_PART = "supported_in_part", _("Supported in part")
    PENDING = "pending", _("Pending")


class ActionCategory(models.IntegerChoices):
    """UPR Info's scale of the action a recommendation asks for."""

    MINIMAL = 1, _("1 – minimal action")
    CONTINUING = 2, _("2 – continuing action")
    CONSIDERING = 3, _("3 – considering action")
    GENERAL = 4, _("4 – general action")
    SPECIFIC = 5, _("5 – specific action")


class ImplementationStatus(models.TextChoices):
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")
    PARTIALLY = "partially_implemented", _("Partially implemented")
    FULLY = "fully_implemented", _("Fully implemented")
    NO_DATA = "no_data", _("No data")
