from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from publications.processing import HOOK as PROCESSING_STEP_HOOK
from search.models import DocumentText
from search.processing import TextForSearchStep


class DocumentTextPolicy(ModelPermissionPolicy):
    """Whoever may change documents may see how their text was read; nobody edits it by hand."""

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return user.is_active and (user.is_superuser or user.has_perm("wagtaildocs.change_document"))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class DocumentTextViewSet(ModelViewSet):
    model = DocumentText
    icon = "doc-full"
    menu_label = _("Text of documents")
    menu_order = 450
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["status"]
    list_display = ["document", "status", "language", "page_count", "characters", "updated_at"]
    list_filter = ["status", "language"]
    search_fields = ["document__title"]
    inspect_view_fields = [
        "document",
        "status",
        "detail",
        "language",
        "page_count",
        "characters",
        "extractor",
        "updated_at",
    ]


register_permission_policy(DocumentText, DocumentTextPolicy(DocumentText))


@hooks.register("register_admin_viewset")
def register_document_text():
    return DocumentTextViewSet("document_text")


@hooks.register(PROCESSING_STEP_HOOK)
def register_text_for_search_step():
    """The document screens of publications say how far the reading of each PDF's text got."""
    return TextForSearchStep()
