"""Case handling in the Wagtail admin, for the legal team only; every read of a case is audited."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from legal_aid import audit_chain, services
from legal_aid.models import AuditEntry, CaseStatus, LegalAidAttachment, LegalAidRequest
from legal_aid.models.choices import CORE_FIELDS_BY_KEY
from legal_aid.team import LEGAL_TEAM, is_legal_team


class LegalTeamPolicy(ModelPermissionPolicy):
    """Django's model permissions, and membership of the legal team (or superuser) on top; ``allowed`` actions only."""

    def __init__(self, model, allowed):
        super().__init__(model)
        self.allowed = set(allowed)

    def user_has_permission(self, user, action):
        return action in self.allowed and is_legal_team(user) and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = self.allowed.intersection(actions)
        if not allowed:
            return get_user_model().objects.none()
        users = super().users_with_any_permission(allowed)
        return users.filter(Q(is_superuser=True) | Q(groups__name=LEGAL_TEAM)).distinct()


CASE_POLICY = LegalTeamPolicy(LegalAidRequest, allowed={"view", "change"})
AUDIT_POLICY = LegalTeamPolicy(AuditEntry, allowed={"view"})


class CaseForm(WagtailAdminModelForm):
    note = forms.CharField(
        label=_("Add an internal note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only the legal team reads notes. They are stored encrypted and cannot be edited later."),
    )

    class Meta:
        model = LegalAidRequest
        fields = ["status", "assignee"]


class CaseEditView(generic.EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.update_case(
            self.object,
            self.request.user,
            status=data["status"],
            assignee=data["assignee"],
            note=data["note"],
        )


class CaseInspectView(generic.InspectView):
    """The decrypted request, its files, notes and history. Each view is written to the audit log."""

    template_name = "wagtailadmin/generic/inspect.html"

    def get_fields(self):
        return ["reference", "status", "assignee", "created_at", "language"]

    def get(self, request, *args, **kwargs):
        self.answers = services.open_case(self.object, request.user)
        return super().get(request, *args, **kwargs)

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            HeaderButton(
                _("Export for a lawyer (zip)"),
                url=reverse("legal_aid_cases:export", args=[self.object.pk]),
                icon_name="download",
                priority=30,
            )
        )
        return buttons

    def labels(self):
        """The questions in the reader's language: the core ones by their own label (whatever the
        form's wording in the requester's language), the fields an editor added by the form's."""
        page = self.object.form_page
        labels = {}
        if page is not None:
            labels = {field.clean_name: field.label for field in page.specific.get_form_fields()}
        labels.update({key: str(core.label) for key, core in CORE_FIELDS_BY_KEY.items()})
        return labels

    def get_fields_context(self):
        context = super().get_fields_context()
        labels = self.labels()
        for key, value in self.answers.items():
            core = CORE_FIELDS_BY_KEY.get(key)
            if core is not None and core.choices is not None and value in core.choices.values:
                value = core.choices(value).label
            if isinstance(value, list):
                value = ", ".join(str(item) for item in value)
            if isinstance(value, bool):
                value = _("Yes") if value else _("No")
            context.append({"label": labels.get(key, key), "value": value, "component": None})
        attachments = [
            (reverse("legal_aid_cases:attachment", args=[attachment.pk]), attachment.get_metadata())
            for attachment in self.object.attachments.all()
        ]
        context.append(
            {
                "label": _("Attachments"),
                "value": format_html_join(
                    "",
                    '<p><a href="{}">{}</a> ({}, {} bytes)</p>',
                    ((url, m["name"], m["content_type"], m["size"]) for url, m in attachments),
                )
                or "-",
                "component": None,
            }
        )
        context.append(
            {
                "label": _("Internal notes"),
                "value": format_html_join(
                    "",
                    "<p><b>{} {}</b>: {}</p>",
                    ((n["at"][:16], n["by"], n["text"]) for n in self.object.get_notes()),
                )
                or "-",
                "component": None,
            }
        )
        context.append(
            {
                "label": _("History"),
                "value": format_html_join(
                    "",
                    "<p>{} {}: {} {}</p>",
                    (
                        (
                            f"{event.at:%Y-%m-%d %H:%M}",
                            event.user.get_username() if event.user else "",
                            event.get_kind_display(),
                            f"{event.old_value} → {event.new_value}"
                            if event.old_value or event.new_value
                            else "",
                        )
                        for event in self.object.events.select_related("user")
                    ),
                ),
                "component": None,
            }
        )
        return context


def team_case_view(view):
    def wrapped(request, pk):
        if not CASE_POLICY.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return view(request, pk)

    return wrapped


@team_case_view
def download_attachment(request, pk):
    attachment = get_object_or_404(LegalAidAttachment.objects.select_related("request"), pk=pk)
    metadata, content = services.read_attachment(attachment, request.user)
    response = HttpResponse(content, content_type="application/octet-stream")
    response["Content-Disposition"] = format_html(
        'attachment; filename="{}"', metadata["name"].replace('"', "")
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@team_case_view
def export_case(request, pk):
    case = get_object_or_404(LegalAidRequest, pk=pk)
    response = HttpResponse(services.export_case(case, request.user), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{case.reference}.zip"'
    response["Cache-Control"] = "no-store"
    return response


class CaseFilterSet(WagtailFilterSet):
    class Meta:
        model = LegalAidRequest
        fields = ["status", "assignee"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The people a request may be assigned to, and the requests assigned to nobody
        # (?assignee=null, where the dashboard links).
        self.filters["assignee"].extra["null_label"] = _("Nobody")


class CaseIndexView(generic.IndexView):
    """The requests, each reference opening the request itself (its inspect view: what was sent,
    its files, notes and history), its other actions in the menu beside it."""

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        return self._get_custom_column(
            field_name, self._get_title_column_class(column_class), get_url=self.get_inspect_url, **kwargs
        )


class OpenCasesPanel(Component):
    """On the team's dashboard: the requests nobody has looked at yet, and those nobody is
    assigned to, each a link to that listing."""

    name = "legal_aid_open_cases"
    order = 50
    template_name = "legal_aid/open_cases_panel.html"

    def get_context_data(self, parent_context=None):
        still_open = LegalAidRequest.objects.exclude(status=CaseStatus.CLOSED)
        index = reverse("legal_aid_cases:index")
        return {
            "new": still_open.filter(status=CaseStatus.NEW).count(),
            "unassigned": still_open.filter(assignee__isnull=True).count(),
            "new_url": f"{index}?status={CaseStatus.NEW}",
            "unassigned_url": f"{index}?assignee=null",
            "index_url": index,
        }


class CaseViewSet(ModelViewSet):
    model = LegalAidRequest
    name = "legal_aid_cases"
    url_prefix = "legal-aid/cases"
    icon = "folder-open-inverse"
    menu_label = _("Requests")
    add_to_reference_index = False  # or a page's "usage" would list cases to editors
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = CaseIndexView
    inspect_view_class = CaseInspectView
    edit_view_class = CaseEditView
    list_display = [
        "reference",
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("assignee", label=_("Assignee"), accessor="assignee"),
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
    ]
    filterset_class = CaseFilterSet
    edit_handler = ObjectList(
        [FieldPanel("status"), FieldPanel("assignee"), FieldPanel("note")], base_form_class=CaseForm
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("attachment/<int:pk>/", download_attachment, name="attachment"),
            path("export/<int:pk>/", export_case, name="export"),
        ]


class AuditEntryViewSet(ModelViewSet):
    """The audit log: read-only, for the legal team."""

    model = AuditEntry
    name = "legal_aid_audit"
    url_prefix = "legal-aid/audit"
    icon = "history"
    menu_label = _("Audit log")
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = [
        Column("sequence", label=_("No."), sort_key="sequence"),
        DateColumn("at", label=_("When"), sort_key="at"),
        Column("username", label=_("User")),
        Column("action", label=_("Action"), accessor="get_action_display", sort_key="action"),
        Column("reference", label=_("Case")),
        Column("detail", label=_("Detail")),
    ]
    list_filter = ["action", "reference"]
    form_fields = []


def verify_audit_log(request):
    """Check every seal of the audit log and show the first entry that does not match, if any."""
    if not AUDIT_POLICY.user_has_permission(request.user, "view"):
        raise PermissionDenied
    return render(request, "legal_aid/verify_audit_log.html", {"result": audit_chain.verify(AuditEntry)})


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return AUDIT_POLICY.user_has_permission(request.user, "view")


class AuditLogCheckViewSet(ViewSet):
    """Legal requests > Verify the audit log."""

    name = "legal_aid_audit_check"
    url_prefix = "legal-aid/audit-check"
    icon = "tick-inverse"
    menu_label = _("Verify the audit log")
    menu_item_class = AuditLogMenuItem

    def get_urlpatterns(self):
        return [path("", verify_audit_log, name="index")]


class LegalAidAdminGroup(ModelViewSetGroup):
    menu_label = _("Legal requests")
    menu_icon = "folder-open-inverse"
    menu_order = 260
    items = (CaseViewSet, AuditEntryViewSet, AuditLogCheckViewSet)
