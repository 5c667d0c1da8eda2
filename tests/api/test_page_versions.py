"""A change of a page empties only the kept answers it can change: its own detail, the listings of
its type, and, when it changes what others show of it (its title, address, being public), the
answers of the pages that show it."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from api import versions
from api.page_versions import answer_versions
from programmes.factories import (
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    ProgrammeRelatedPageFactory,
    TrainingVideoIndexPageFactory,
    TrainingVideoPageFactory,
)
from publications.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
)
from publications.models import NewsPage
from tests.programmes.support import recommendation
from tests.support import frontend_cache

pytestmark = pytest.mark.django_db

PAGES = reverse("wagtailapi:pages:listing")
RECOMMENDATIONS = reverse("wagtailapi:recommendations:listing")
NEWS = {"type": "publications.NewsPage", "fields": "title,summary"}
PROGRAMMES = {"type": "programmes.ProgrammePage", "fields": "title"}


def detail(page):
    return reverse("wagtailapi:pages:detail", args=[page.pk])


@pytest.fixture(autouse=True, params=[False, True], ids=["versions in the database", "shared cache"])
def _answers_kept(request, settings):
    settings.API_CACHE_SERVER_SECONDS = 3600
    settings.API_VERSIONS_IN_CACHE = request.param
    return request.param


@pytest.fixture
def site(home_pages, upr_vocabularies, django_capture_on_commit_callbacks):
    """A news item listed as related by a programme, another news item, recommendations."""
    with django_capture_on_commit_callbacks(execute=True):
        news_index = NewsIndexPageFactory(parent=home_pages["en"])
        news = NewsPageFactory(parent=news_index, title="Radio journalist released")
        other = NewsPageFactory(parent=news_index, title="Press freedom day")
        programmes = ProgrammeIndexPageFactory(parent=home_pages["en"])
        programme = ProgrammePageFactory(parent=programmes, title="Safety of journalists")
        ProgrammeRelatedPageFactory(programme=programme, page=news)
        reports = PublicationIndexPageFactory(parent=home_pages["en"])
        report = PublicationPageFactory(parent=reports, title="Press freedom in Rwanda")
        for page in (news_index, news, other, programmes, programme, reports, report):
            page.save_revision().publish()
        protect = recommendation(1, "Protect journalists from arbitrary detention")
        recommendation(2, "Guarantee the freedom of the press")
    return {"news": news, "other": other, "programme": programme, "recommendation": protect}


def publish(page, callbacks, **changes):
    page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    with callbacks(execute=True):
        page.save_revision().publish()
    return page


def reads(client, site):
    """Reads of the addresses a front end reads."""
    return {
        "news detail": lambda: client.get(detail(site["news"])),
        "programme detail": lambda: client.get(detail(site["programme"])),
        "news listing": lambda: client.get(PAGES, NEWS),
        "programme listing": lambda: client.get(PAGES, PROGRAMMES),
        "recommendations": lambda: client.get(RECOMMENDATIONS, {"limit": 5}),
        "recommendation search": lambda: client.get(RECOMMENDATIONS, {"q": "journalists"}),
        "recommendation detail": lambda: client.get(
            reverse("wagtailapi:recommendations:detail", args=[site["recommendation"].pk])
        ),
        "programme kinds": lambda: client.get(reverse("wagtailapi:programme-kinds:listing")),
    }


def kept(read, shared_cache):
    """Whether ``read()`` was answered from the kept answers: no query (the shared cache), or only
    the one query of the versions (the database)."""
    with CaptureQueriesContext(connection) as queries:
        response = read()
    assert response.status_code == 200, response.content
    return len(queries) == (0 if shared_cache else 1), response


def warm(addresses):
    first = {}
    for name, read in addresses.items():
        response = read()
        assert response.status_code == 200, (name, response.content)
        first[name] = response
    return first


def test_a_body_edit_empties_its_detail_and_its_type_listings_only(
    client, site, django_capture_on_commit_callbacks, _answers_kept
):
    addresses = reads(client, site)
    first = warm(addresses)
    assert all(kept(read, _answers_kept)[0] for read in addresses.values())

    publish(site["news"], django_capture_on_commit_callbacks, summary="Released after 41 days in custody.")

    served = {name: kept(read, _answers_kept) for name, read in addresses.items()}
    assert not served["news detail"][0]
    assert served["news detail"][1].json()["summary"] == "Released after 41 days in custody."
    assert not served["news listing"][0]
    summaries = {item["title"]: item["summary"] for item in served["news listing"][1].json()["items"]}
    assert summaries["Radio journalist released"] == "Released after 41 days in custody."
    for name in (
        "programme detail",
        "programme listing",
        "recommendations",
        "recommendation search",
        "recommendation detail",
        "programme kinds",
    ):
        is_kept, response = served[name]
        assert is_kept, f"{name} was built again after a news item's text changed"
        assert response.content == first[name].content
        assert response["ETag"] == first[name]["ETag"]
    # Another news item's detail is not a listing of news: it stays kept too.
    other = client.get(detail(site["other"]))
    publish(site["news"], django_capture_on_commit_callbacks, summary="Released, and back on air.")
    assert kept(lambda: client.get(detail(site["other"])), _answers_kept)[1].content == other.content
    assert kept(lambda: client.get(detail(site["other"])), _answers_kept)[0]


def test_a_conditional_read_of_another_page_is_still_not_modified_after_a_body_edit(
    client, site, django_capture_on_commit_callbacks
):
    programme = client.get(detail(site["programme"]))
    news = client.get(detail(site["news"]))
    publish(site["news"], django_capture_on_commit_callbacks, summary="Released after 41 days in custody.")
    assert client.get(detail(site["programme"]), HTTP_IF_NONE_MATCH=programme["ETag"]).status_code == 304
    changed = client.get(detail(site["news"]), HTTP_IF_NONE_MATCH=news["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != news["ETag"]


def test_a_title_change_reaches_the_pages_that_show_it(client, site, django_capture_on_commit_callbacks):
    before = client.get(detail(site["programme"])).json()
    assert [page["title"] for page in before["related_pages"]] == ["Radio journalist released"]
    client.get(PAGES, PROGRAMMES)

    publish(site["news"], django_capture_on_commit_callbacks, title="Radio journalist freed")

    after = client.get(detail(site["programme"])).json()
    assert [page["title"] for page in after["related_pages"]] == ["Radio journalist freed"]
    titles = [item["title"] for item in client.get(PAGES, {"fields": "title"}).json()["items"]]
    assert "Radio journalist freed" in titles


def test_a_title_change_reaches_the_autocomplete(client, site, django_capture_on_commit_callbacks):
    def suggestions():
        answer = client.get(reverse("wagtailapi:autocomplete:listing"), {"q": "Radio"})
        return [item["title"] for item in answer.json()["items"]]

    assert suggestions() == ["Radio journalist released"]
    publish(site["news"], django_capture_on_commit_callbacks, title="Radio journalist freed")
    assert suggestions() == ["Radio journalist freed"]


def test_a_page_that_comes_to_cite_a_recommendation_is_listed_by_its_detail(
    client, site, django_capture_on_commit_callbacks
):
    """Which pages cite a recommendation is Wagtail's reference index, written by a task after the
    page's commit: the recommendation's kept detail is not served past it."""
    address = reverse("wagtailapi:recommendations:detail", args=[site["recommendation"].pk])
    assert client.get(address).json()["publications"] == []
    programme = type(site["programme"]).objects.get(pk=site["programme"].pk)
    programme.related_recommendations.set([site["recommendation"]])
    with django_capture_on_commit_callbacks(execute=True):
        programme.save_revision().publish()
    cited_by = client.get(address).json()["publications"]
    assert [page["title"] for page in cited_by] == ["Safety of journalists"]


def test_an_unpublished_page_vanishes_from_every_listing_and_related_list(
    client, site, django_capture_on_commit_callbacks
):
    every = {"fields": "title", "limit": 50}
    for params in (NEWS, every, PROGRAMMES):
        assert client.get(PAGES, params).status_code == 200
    assert client.get(detail(site["programme"])).json()["related_pages"]

    news = NewsPage.objects.get(pk=site["news"].pk)
    with django_capture_on_commit_callbacks(execute=True):
        news.unpublish()

    for params in (NEWS, every):
        titles = [item["title"] for item in client.get(PAGES, params).json()["items"]]
        assert "Radio journalist released" not in titles
        assert "Press freedom day" in titles
    assert client.get(detail(site["programme"])).json()["related_pages"] == []
    assert client.get(detail(site["news"])).status_code == 404


def test_a_deleted_page_vanishes_from_the_pages_that_showed_it(
    client, site, django_capture_on_commit_callbacks
):
    assert client.get(detail(site["programme"])).json()["related_pages"]
    with django_capture_on_commit_callbacks(execute=True):
        NewsPage.objects.get(pk=site["other"].pk).delete()
    titles = [item["title"] for item in client.get(PAGES, NEWS).json()["items"]]
    assert titles == ["Radio journalist released"]
    assert client.get(detail(site["other"])).status_code == 404


def test_a_training_video_moved_to_another_programme_leaves_the_first_one(
    client, site, home_pages, django_capture_on_commit_callbacks
):
    """A page's key to another page is shown by that other page (its programme's videos)."""
    with django_capture_on_commit_callbacks(execute=True):
        second = ProgrammePageFactory(parent=site["programme"].get_parent(), title="Legal aid")
        second.save_revision().publish()
        videos = TrainingVideoIndexPageFactory(parent=home_pages["en"])
        videos.save_revision().publish()
        video = TrainingVideoPageFactory(parent=videos, programme=site["programme"], title="Staying safe")
        video.save_revision().publish()
    first = client.get(detail(site["programme"])).json()
    assert [page["title"] for page in first["training_videos"]] == ["Staying safe"]
    assert client.get(detail(second)).json()["training_videos"] == []

    publish(video, django_capture_on_commit_callbacks, programme=second)

    assert client.get(detail(site["programme"])).json()["training_videos"] == []
    assert [page["title"] for page in client.get(detail(second)).json()["training_videos"]] == [
        "Staying safe"
    ]


def test_a_draft_saved_moves_no_version(site, django_capture_on_commit_callbacks):
    before = versions.current(
        [*versions.NAMES, versions.page_version(site["news"].pk), versions.type_version(NewsPage)]
    )
    news = NewsPage.objects.get(pk=site["news"].pk)
    news.title = "Radio journalist freed (draft)"
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision()
    assert versions.current(before) == before


def test_which_versions_an_address_is_built_on():
    shown = {versions.SUMMARIES, versions.ASSETS, versions.VOCABULARIES, versions.RECOMMENDATIONS}
    assert set(answer_versions({}, "detail", {"pk": 12})) == {*shown, "page:12"}
    assert set(answer_versions({"type": "publications.NewsPage"}, "listing", {})) == {
        *shown,
        "pagetype:publications.newspage",
    }
    # No type, or something that is not a page type (answered 400): every page's listing.
    for query in ({}, {"type": "upr.Recommendation"}, {"type": "nothing.Here"}, {"type": "x"}):
        assert set(answer_versions(query, "listing", {})) == {*shown, "pagetype:wagtailcore.page"}


def test_a_body_edit_purges_its_detail_and_the_listings_from_the_frontend_cache(
    site, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": "tests.support.frontend_cache.RecordingBackend"}}
    frontend_cache.PURGED.clear()
    publish(site["news"], django_capture_on_commit_callbacks, summary="Released.")
    purged = set(frontend_cache.PURGED)
    base = settings.WAGTAILAPI_BASE_URL
    assert f"{base}{detail(site['news'])}" in purged
    assert f"{base}{PAGES}" in purged
    assert f"{base}{detail(site['programme'])}" not in purged


def test_a_page_never_changed_is_read_without_a_write_and_its_first_change_counts(
    site, django_capture_on_commit_callbacks
):
    from api.models import ContentVersion

    name = versions.page_version(site["news"].pk + 1000)
    rows = ContentVersion.objects.count()
    before = versions.current([name])
    assert versions.current([name]) == before
    assert ContentVersion.objects.count() == rows
    with django_capture_on_commit_callbacks(execute=True):
        versions.bump(name)
    assert versions.current([name])[name] > before[name]


def test_images_and_snippets_move_the_assets_version_and_a_page_part_its_page():
    from home.models.images import CustomImage
    from programmes.models import ProgrammeKind
    from publications.models import PublicationFile

    assert versions.ASSETS in versions.moved_by(CustomImage)
    assert versions.ASSETS in versions.moved_by(ProgrammeKind)
    # Pages and their parts move their own versions, not every page answer's.
    assert versions.ASSETS not in versions.moved_by(NewsPage)
    assert versions.ASSETS not in versions.moved_by(PublicationFile)


def test_a_part_of_a_page_saved_on_its_own_empties_that_page_and_its_type_listings(
    client, site, django_capture_on_commit_callbacks, _answers_kept
):
    from programmes.factories import ProgrammePartnerFactory

    assert client.get(detail(site["programme"])).json()["partners"] == []
    client.get(PAGES, PROGRAMMES)
    client.get(PAGES, NEWS)
    with django_capture_on_commit_callbacks(execute=True):
        ProgrammePartnerFactory(page=site["programme"], name="Press union")
    partners = client.get(detail(site["programme"])).json()["partners"]
    assert [partner["name"] for partner in partners] == ["Press union"]
    assert not kept(lambda: client.get(PAGES, PROGRAMMES), _answers_kept)[0]
    assert kept(lambda: client.get(PAGES, NEWS), _answers_kept)[0]


def test_a_theme_taken_off_a_news_item_reaches_its_answers_and_no_other_page(
    client, site, django_capture_on_commit_callbacks, _answers_kept
):
    from upr.models import Theme

    themes = list(Theme.objects.filter(locale__language_code="en").order_by("slug")[:2])
    publish(site["news"], django_capture_on_commit_callbacks, themes=themes)
    assert len(client.get(detail(site["news"])).json()["themes"]) == 2
    programme = client.get(detail(site["programme"]))

    publish(site["news"], django_capture_on_commit_callbacks, themes=themes[:1])

    assert len(client.get(detail(site["news"])).json()["themes"]) == 1
    is_kept, again = kept(lambda: client.get(detail(site["programme"])), _answers_kept)
    assert is_kept and again.content == programme.content
