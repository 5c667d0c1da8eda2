from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationType(models.TextChoices):
    UPR_REPORT = "upr_report", _("UPR report")
    STAKEHOLDER_REPORT = "stakeholder_report", _("Stakeholder / alternative report")
    MID_TERM_ASSESSMENT = "mid_term_assessment", _("Mid-term assessment")
    IMPLEMENTATION_PLAN = "implementation_plan", _("Implementation plan")
    ANNUAL_REPORT = "annual_report", _("Annual report")
    NEWSLETTER = "newsletter", _("Newsletter issue")
    TRAINING_MANUAL = "training_manual", _("Training manual")
    MEDIA_PUBLICATION = "media_publication", _("Media publication")


class EventType(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    TRAINING = "training", _("Training")
    CONFERENCE = "conference", _("Conference")
    PRE_SESSION = "pre_session", _("UPR pre-session")
    WEBINAR = "webinar", _("Webinar")
    OTHER = "other", _("Other")


# The time zones the organisations work in, first; any IANA zone is accepted.
COMMON_TIME_ZONES = ["Africa/Kigali", "Europe/Zurich", "Africa/Nairobi", "Africa/Kinshasa", "UTC"]
