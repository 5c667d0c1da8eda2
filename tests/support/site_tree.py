"""The minimum every test expects in the database: what the migrations create.

A transactional test empties the database when it ends (and, with
--reuse-db, the next run starts from that), so the suite rebuilds this
instead of relying on the migrations' data.
"""

from wagtail.models import Collection, Locale, Page, Site

from home.factories import HomePageFactory
from home.models import HomePage
from locales.translation import ensure_locales
from upr.loading import load_reference_vocabularies
from upr.models import Country


def ensure_base_tree():
    """Return the English home page, creating the root page, collection, home page and Site if needed."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=english)
    )
    home = HomePage.objects.filter(locale=english, depth=2).first()
    if home is None:
        home = HomePageFactory(parent=root, locale=english, slug="home", title="Home")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


def ensure_upr_vocabularies():
    """States, organisations, cycles, sessions, UPR Info issues and SDGs (loaded once, kept by --reuse-db)."""
    if not Country.objects.exists():
        ensure_locales()
        load_reference_vocabularies()


def ensure_moderation_workflow():
    """Wagtail's default "Moderators approval" workflow on the whole tree, as its migrations create it.

    A transactional test empties the tables; this puts the workflow back.
    """
    from django.contrib.auth.models import Group

    from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

    moderators = Group.objects.get(name="Moderators")
    workflow, _ = Workflow.objects.get_or_create(name="Moderators approval", defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name="Moderators approval").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Moderators approval")
        task.groups.set([moderators])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=Page.get_first_root_node(), defaults={"workflow": workflow})
    return workflow
