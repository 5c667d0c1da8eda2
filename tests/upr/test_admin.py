"""Staff work with the recommendations in Wagtail's admin: listing, filters, import upload and its report."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import resolve, reverse

from tests.support.files import SHARED_DATA
from upr.models import Recommendation, RecommendationImport
from users.factories import UserFactory

pytestmark = pytest.mark.django_db

RWANDA = SHARED_DATA / "upr-info" / "rwanda.csv"


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def upload(client, content, name="rwanda.csv", **fields):
    """Upload a file as staff do; an accepted upload is followed to its import's page (the task runs
    at the commit, at once: the immediate backend)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("upr_import"),
            {"file": SimpleUploadedFile(name, content, content_type="text/csv"), **fields},
        )
    if response.status_code == 302 and resolve(response["Location"]).url_name == "upr_import_progress":
        return client.get(response["Location"])
    return response


def test_staff_import_a_file_and_read_the_report(admin_client, upr_vocabularies):
    response = upload(admin_client, RWANDA.read_bytes())

    assert response.status_code == 200
    html = response.content.decode()
    assert "125 rows read: 125 created, 0 updated, 0 unchanged, 0 rejected." in html
    assert Recommendation.objects.count() == 125
    assert RecommendationImport.objects.get().user.is_superuser


def test_a_rejected_row_is_shown_with_its_line_and_nothing_is_imported(admin_client, upr_vocabularies):
    content = RWANDA.read_bytes().replace(b"Rwanda,Africa", b"Rwandaa,Africa", 1)

    response = upload(admin_client, content)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Failed: nothing was changed" in html
    assert "<td>2</td><td>unknown state under review “Rwandaa” (did you mean Rwanda?)</td>" in html
    assert "nothing was imported" in html
    assert not Recommendation.objects.exists()


def test_a_dry_run_changes_nothing(admin_client, upr_vocabularies):
    response = upload(admin_client, RWANDA.read_bytes(), dry_run="on")
    assert response.status_code == 200
    assert "Dry run" in response.content.decode()
    assert not Recommendation.objects.exists()


def test_a_file_of_the_wrong_kind_gets_a_message(admin_client, upr_vocabularies):
    response = upload(admin_client, b"%PDF-1.4", name="report.pdf")
    assert response.status_code == 400
    assert "is neither a .csv nor a .docx file" in response.content.decode()


def test_staff_upload_an_ohchr_matrix_with_its_state_and_session(admin_client, upr_vocabularies):
    matrix = SHARED_DATA / "ohchr-matrices" / "upr48-slovenia-thematic-list-of-recommendatio.docx"

    missing = upload(admin_client, matrix.read_bytes(), name=matrix.name)
    assert missing.status_code == 400
    assert "give the state under review" in missing.content.decode()

    response = upload(admin_client, matrix.read_bytes(), name=matrix.name, state="Slovenia", session="48")

    assert response.status_code == 200
    assert "254 rows read: 254 created" in response.content.decode()
    assert Recommendation.objects.filter(state_under_review__iso3="SVN", session__number=48).count() == 254


def test_editors_without_the_permission_cannot_import(client, upr_vocabularies):
    editor = UserFactory()
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    # Wagtail sends a user who lacks a permission back to the dashboard.
    refused = client.get(reverse("upr_import"))
    assert refused.status_code == 302
    assert refused["Location"] == reverse("wagtailadmin_home")
    assert upload(client, RWANDA.read_bytes()).status_code == 302
    assert not Recommendation.objects.exists()
    assert not RecommendationImport.objects.exists()


def test_the_listing_filters_by_state_and_response(admin_client, upr_vocabularies):
    upload(admin_client, RWANDA.read_bytes())
    rwanda = Recommendation.objects.filter(state_under_review__iso3="RWA").first().state_under_review

    url = reverse("wagtailsnippets_upr_recommendation:list")
    response = admin_client.get(url, {"state_under_review": rwanda.pk, "response": "noted"})

    assert response.status_code == 200
    assert len(response.context["object_list"]) == 7
    response = admin_client.get(url, {"q": "journalists"})
    assert response.status_code == 200


def test_a_recommendation_without_a_number_is_listed_by_its_text(admin_client, upr_vocabularies):
    from tests.programmes.support import recommendation

    unnumbered = recommendation("", "Decriminalise defamation")
    numbered = recommendation("115.3", "Protect journalists")
    assert str(unnumbered) == "Decriminalise defamation"
    assert str(numbered) == "115.3 Protect journalists"
    page = admin_client.get(reverse("wagtailsnippets_upr_recommendation:list")).content.decode()
    assert "Decriminalise defamation" in page
    assert "— Decriminalise" not in page


def bulk_url(action, recommendations):
    url = reverse("wagtail_bulk_action", args=["upr", "recommendation", action])
    return url + "?" + "&".join(f"id={item.pk}" for item in recommendations)


def test_staff_add_a_theme_to_a_selection_of_recommendations(
    admin_client, upr_vocabularies, django_capture_on_commit_callbacks
):
    upload(admin_client, RWANDA.read_bytes())
    from upr.models import Theme

    theme = Theme.objects.get(locale__language_code="en", slug="torture-and-other-cid-treatment")
    selection = list(Recommendation.objects.exclude(themes=theme).order_by("pk")[:3])
    before = admin_client.get(
        reverse("wagtailapi:recommendations:listing"),
        {"theme": "torture-and-other-cid-treatment", "limit": 1},
    )

    confirm = admin_client.get(bulk_url("add_theme", selection))
    assert confirm.status_code == 200
    assert str(selection[0]) in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(bulk_url("add_theme", selection), {"theme": theme.pk})

    assert response.status_code == 302
    assert all(theme in item.themes.all() for item in selection)
    # The API's cached counts follow.
    after = admin_client.get(
        reverse("wagtailapi:recommendations:listing"),
        {"theme": "torture-and-other-cid-treatment", "limit": 1},
    )
    assert after.json()["meta"]["total_count"] == before.json()["meta"]["total_count"] + 3


def test_staff_gather_a_selection_in_a_thematic_cluster(admin_client, upr_vocabularies):
    upload(admin_client, RWANDA.read_bytes())
    from upr.models import Cluster

    first = Recommendation.objects.order_by("pk").first()
    cluster = Cluster.objects.create(name="Freedom of expression", locale=first.locale)
    selection = list(Recommendation.objects.order_by("pk")[:5])

    response = admin_client.post(bulk_url("add_to_cluster", selection), {"cluster": cluster.pk})

    assert response.status_code == 302
    assert set(cluster.recommendations.all()) == set(selection)


def test_editors_without_the_permission_cannot_change_in_bulk(client, admin_client, upr_vocabularies):
    upload(admin_client, RWANDA.read_bytes())
    from upr.models import Theme

    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    theme = Theme.objects.filter(locale__language_code="en").first()
    selection = list(Recommendation.objects.exclude(themes=theme).order_by("pk")[:2])

    client.post(bulk_url("add_theme", selection), {"theme": theme.pk})

    assert not any(theme in item.themes.all() for item in selection)
