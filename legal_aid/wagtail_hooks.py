from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permissions import register_permission_policy

from legal_aid.admin_views import AUDIT_POLICY, CASE_POLICY, LegalAidAdminGroup, OpenCasesPanel
from legal_aid.models import AuditEntry, LegalAidRequest, LegalInformationPage

# Only the legal team (and superusers) may see cases and the audit log, whatever other permissions say.
register_permission_policy(LegalAidRequest, CASE_POLICY, exact_class=True)
register_permission_policy(AuditEntry, AUDIT_POLICY, exact_class=True)


class LegalInformationIndexView(IndexView):
    # The page reviewed longest ago comes first: it is the most likely to be wrong.
    default_ordering = "last_reviewed"


class LegalInformationPageListingViewSet(PageListingViewSet):
    """Every legal information page with the date a lawyer last checked it."""

    model = LegalInformationPage
    index_view_class = LegalInformationIndexView
    icon = "help"
    menu_label = _("Legal information")
    add_to_admin_menu = True
    menu_order = 250
    columns = [
        *PageListingViewSet.columns,
        Column("topic", label=_("Topic"), accessor="get_topic_display", sort_key="topic"),
        DateColumn("last_reviewed", label=_("Last reviewed"), sort_key="last_reviewed"),
    ]
    list_filter = ["topic", "locale"]


@hooks.register("register_admin_viewset")
def register_legal_information_listing():
    return LegalInformationPageListingViewSet("legal_information")


@hooks.register("filter_form_submissions_for_user")
def hide_request_forms_from_form_submissions(user, editable_forms):
    """Requests for legal assistance are never FormSubmissions: keep their pages out of the "Forms" menu."""
    from legal_aid.models import LegalAidRequestPage

    return editable_forms.not_type(LegalAidRequestPage)


@hooks.register("register_admin_viewset")
def register_legal_aid_cases():
    return LegalAidAdminGroup()


@hooks.register("construct_homepage_panels")
def add_open_cases_panel(request, panels):
    """The team (and superusers) see on their dashboard how many requests wait for them; nobody
    else learns that requests exist."""
    if CASE_POLICY.user_has_permission(request.user, "view"):
        panels.append(OpenCasesPanel())
