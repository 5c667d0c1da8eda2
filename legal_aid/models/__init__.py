from .cases import AuditEntry, CaseEvent, LegalAidAttachment, LegalAidRequest
from .choices import CORE_FIELDS, CaseStatus, ContactMethod, ProblemType, Topic, Urgency
from .form import LegalAidFormField, LegalAidRequestPage
from .hotlines import HotlineContact
from .pages import LegalAidIndexPage, LegalInformationPage, LegalInformationRelatedPage

__all__ = [
    "CORE_FIELDS",
    "AuditEntry",
    "CaseEvent",
    "CaseStatus",
    "ContactMethod",
    "HotlineContact",
    "LegalAidAttachment",
    "LegalAidFormField",
    "LegalAidIndexPage",
    "LegalAidRequest",
    "LegalAidRequestPage",
    "LegalInformationPage",
    "LegalInformationRelatedPage",
    "ProblemType",
    "Topic",
    "Urgency",
]
