"""Each public page's detail stored as the API answers it, and served from there while what it
shows has not changed (api/stored_pages.py): with the answer cache off, as the first reader after
a change gets it."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page, PageViewRestriction, Site

from api.models import StoredPageAnswer
from tests.api.test_page_versions import detail, publish
from tests.api.test_page_versions import site as site  # the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=[False, True], ids=["versions in the database", "shared cache"])
def _stored_pages(request, settings):
    settings.API_CACHE_SERVER_SECONDS = 0  # no answer cache: only the stored pages
    settings.API_STORED_PAGES = True
    # In the database, the versions and the stored answer are read in one query; with a shared
    # cache (Redis), the versions come from it, and the answer in one query.
    settings.API_VERSIONS_IN_CACHE = request.param


def read(client, page, **headers):
    """(response, number of queries) of the plain detail address of ``page``."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(detail(page), **headers)
    return response, len(queries)


def built_by_the_view(client, page, settings):
    settings.API_STORED_PAGES = False
    try:
        return client.get(detail(page))
    finally:
        settings.API_STORED_PAGES = True


def test_a_published_page_is_stored_and_read_in_one_query_as_the_view_builds_it(client, site, settings):
    programme = site["programme"]
    assert StoredPageAnswer.objects.filter(page_id=programme.pk).exists()  # built when published
    client.get(detail(site["news"]))  # the site's root pages, read once after a change of pages
    response, queries = read(client, programme)
    assert response.status_code == 200
    assert queries == 1  # (with the versions, or after them from the cache)
    built = built_by_the_view(client, programme, settings)
    assert response.json() == built.json()
    assert response["ETag"] == built["ETag"]
    assert response["Content-Type"] == built["Content-Type"] == "application/json"
    assert "public" in response["Cache-Control"]
    assert response.json()["related_pages"][0]["title"] == "Radio journalist released"


def test_a_conditional_read_of_a_stored_page_is_a_304_until_it_changes(
    client, site, django_capture_on_commit_callbacks
):
    first, _queries = read(client, site["news"])
    again, queries = read(client, site["news"], HTTP_IF_NONE_MATCH=first["ETag"])
    assert (again.status_code, queries) == (304, 1)
    publish(site["news"], django_capture_on_commit_callbacks, summary="Released after 41 days in custody.")
    changed, queries = read(client, site["news"], HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed.json()["summary"] == "Released after 41 days in custody."
    assert queries == 1  # stored again when it was published, before anyone read it


def test_a_change_of_what_a_page_shows_is_never_served_from_the_old_stored_answer(
    client, site, django_capture_on_commit_callbacks
):
    programme = site["programme"]
    read(client, programme)
    # The related news item's title: the programme's page version does not move, the page
    # summaries' does.
    publish(site["news"], django_capture_on_commit_callbacks, title="Radio journalist freed")
    response, queries = read(client, programme)
    assert [page["title"] for page in response.json()["related_pages"]] == ["Radio journalist freed"]
    assert queries > 1  # built by the view for today's versions…
    again, queries = read(client, programme)
    assert (again.content, queries) == (response.content, 1)  # …and stored for the next reader


def test_an_unpublished_or_restricted_page_is_not_served_from_its_stored_answer(
    client, site, django_capture_on_commit_callbacks
):
    news, other = site["news"], site["other"]
    assert read(client, news)[0].status_code == 200
    assert read(client, other)[0].status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=news.pk).unpublish()
        PageViewRestriction.objects.create(page=Page.objects.get(pk=other.pk), restriction_type="login")
    assert read(client, news)[0].status_code == 404
    assert read(client, other)[0].status_code == 404
    assert not StoredPageAnswer.objects.filter(page_id=news.pk).exists()


def test_a_page_of_another_site_is_not_found_on_this_one(client, site, home_pages, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.example.org"]
    programme = site["programme"]
    assert read(client, programme)[0].status_code == 200
    other_root = (
        Page.objects.get(pk=home_pages["en"].pk)
        .get_parent()
        .add_child(instance=Page(title="Another organisation", slug="another-organisation"))
    )
    Site.objects.create(hostname="other.example.org", port=80, root_page=other_root)
    response, _queries = read(client, programme, HTTP_HOST="other.example.org")
    assert response.status_code == 404


def test_an_address_with_parameters_is_built_by_the_view(client, site):
    response = client.get(detail(site["programme"]), {"fields": "_,title"})
    assert response.json() == {"title": "Safety of journalists"}


def test_a_deleted_page_takes_its_stored_answer_with_it(client, site, django_capture_on_commit_callbacks):
    other = site["other"]
    read(client, other)
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=other.pk).delete()
    assert not StoredPageAnswer.objects.filter(page_id=other.pk).exists()
    assert read(client, other)[0].status_code == 404


def test_nothing_is_stored_or_served_when_switched_off(client, site, settings):
    settings.API_STORED_PAGES = False
    StoredPageAnswer.objects.all().delete()
    response, queries = read(client, site["programme"])
    assert response.status_code == 200
    assert queries > 1
    assert not StoredPageAnswer.objects.exists()


def test_an_editor_reading_the_api_gets_the_view_s_answer(client, site, django_user_model):
    client.force_login(django_user_model.objects.create_user("editor", password="x"))
    response, queries = read(client, site["programme"])
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert queries > 1


def test_the_preview_of_a_draft_is_never_stored(client, site, django_capture_on_commit_callbacks):
    before = StoredPageAnswer.objects.get(page_id=site["news"].pk).built_at
    page = type(site["news"]).objects.get(pk=site["news"].pk)
    page.title = "A draft title"
    page.save_revision()
    preview = client.get(reverse("wagtailapi:page-preview:detail"))
    assert preview.status_code in (400, 404)
    assert StoredPageAnswer.objects.get(page_id=site["news"].pk).built_at == before
    assert read(client, site["news"])[0].json()["title"] == "Radio journalist released"


def test_with_the_answer_cache_on_a_stored_answer_is_kept_for_its_next_reader(client, site, settings):
    settings.API_CACHE_SERVER_SECONDS = 3600
    settings.API_VERSIONS_IN_CACHE = True  # Redis: the versions and the kept answer in one round trip
    client.get(detail(site["news"]))  # the versions and the site's root pages read into the cache
    first, queries = read(client, site["programme"])
    assert first.status_code == 200
    assert queries <= 2  # the stored answer (and a version the cache did not have yet)…
    again, queries = read(client, site["programme"])
    assert (again.content, again["ETag"], queries) == (first.content, first["ETag"], 0)  # …then kept


def test_an_answer_stored_for_one_address_of_the_api_is_not_served_at_another(client, site, settings):
    """Its images' full addresses are built on the host and scheme it was asked at."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "api.example.org"]
    client.get(detail(site["news"]))
    assert read(client, site["programme"])[1] == 1
    elsewhere, queries = read(client, site["programme"], HTTP_HOST="api.example.org")
    assert (elsewhere.status_code, queries > 1) == (200, True)
    assert read(client, site["programme"], HTTP_HOST="api.example.org")[1] == 1
