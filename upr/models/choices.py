from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop


class Response(models.TextChoices):
    """The State's response to a recommendation, in the UN's words.

    "Supported and considered already implemented" is the UN's fourth response: the State
    supports the recommendation and says that what it asks is already done.
    """

    SUPPORTED = "supported", _("Supported")
    NOTED = "noted", _("Noted")
    SUPPORTED_IN_PART = "supported_in_part", _("Supported in part")
    SUPPORTED_IMPLEMENTED = "supported_implemented", _("Supported and considered already implemented")
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


# Wagtail's own words for the locale of a page or a snippet, as its editors and listings show
# them: its French catalogue calls a locale "Région", but in this CMS a locale is a language.
# Marked here so that our catalogues (LOCALE_PATHS, read before Wagtail's) keep the entries that
# override them; each msgid is exactly Wagtail's.
WAGTAIL_LOCALE_LABELS = (
    gettext_noop("Locale"),
    gettext_noop("locale"),
    gettext_noop("Locale: "),
    gettext_noop("Switch locales"),
    gettext_noop("Available in %(translations_total)s locales"),
)
