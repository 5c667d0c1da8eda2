"""Background tasks in the admin (Settings > Background tasks): failed ones first, with their traceback."""

from django_tasks_db.models import DBTaskResult

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class SuperusersMayLook(ModelPermissionPolicy):
    """Tasks carry the arguments of other apps' work: only superusers see them, nobody edits them."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class TaskResultViewSet(ModelViewSet):
    model = DBTaskResult
    icon = "cogs"
    menu_label = _("Background tasks")
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["status"]
    list_display = [
        "task_path",
        "status",
        "queue_name",
        "enqueued_at",
        "started_at",
        "finished_at",
        "run_after",
    ]
    list_filter = ["status", "queue_name"]
    ordering = ["-enqueued_at"]
    inspect_view_fields = [
        "id",
        "task_path",
        "status",
        "queue_name",
        "priority",
        "args_kwargs",
        "enqueued_at",
        "started_at",
        "finished_at",
        "run_after",
        "worker_ids",
        "exception_class_path",
        "traceback",
    ]


register_permission_policy(DBTaskResult, SuperusersMayLook(DBTaskResult))


@hooks.register("register_admin_viewset")
def register_task_results():
    return TaskResultViewSet("background_tasks")
