"""A page's answer costs the same few queries whatever it holds: the read path without the answer cache."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import PageViewRestriction

from publications.factories import PublicationFileFactory, PublicationPageFactory, pdf_document
from publications.models import PublicationAuthor
from tests.support.files import shared_pdf
from upr.models import Country, Session, Theme
from users.factories import UserFactory

pytestmark = pytest.mark.django_db

# The content versions (1), the page's type (1), the page with its keys (1), its files with their
# documents and covers, authors, countries, themes and recommendations (5), its parent (1), its
# translations (1).
PAGE_DETAIL_QUERIES = 10


def source(model, **lookup):
    return model.objects.filter(locale__language_code="en", **lookup)


def publication(parent, title, files, authors):
    session = Session.objects.get(number=10)
    page = PublicationPageFactory(
        parent=parent,
        title=title,
        publication_date=datetime.date(2011, 6, 1),
        session=session,
        cycle=session.cycle,
    )
    for number in range(files):
        PublicationFileFactory(
            page=page,
            language=("en", "fr", "rw")[number % 3],
            document=pdf_document(shared_pdf("g2505828.pdf"), title=f"{title} {number}"),
        )
    for number in range(authors):
        PublicationAuthor.objects.create(page=page, name=f"Author {number}", sort_order=number)
    page.countries.set(source(Country, iso3__in=["RWA", "BDI", "COD"][: max(files, 1)]))
    page.themes.set(source(Theme).order_by("slug")[: max(files, 1)])
    page.save_revision().publish()
    return page


def detail(client, page):
    response = client.get(reverse("wagtailapi:pages:detail", args=[page.pk]))
    assert response.status_code == 200, response.content
    return response.json()


def test_a_publication_detail_costs_the_same_few_queries_however_much_it_holds(
    client, sections, upr_vocabularies, django_assert_max_num_queries, settings
):
    settings.API_CACHE_SERVER_SECONDS = 0  # every answer computed by its view
    settings.API_VERSIONS_IN_CACHE = False  # the versions read from the database
    small = publication(sections["publications"], "One file", files=1, authors=0)
    large = publication(sections["publications"], "Three files", files=3, authors=4)
    detail(client, small)  # what one process reads once after a change (labels, restrictions)

    with django_assert_max_num_queries(PAGE_DETAIL_QUERIES):
        small_answer = detail(client, small)
    with django_assert_max_num_queries(PAGE_DETAIL_QUERIES):
        large_answer = detail(client, large)

    assert [file["title"] for file in small_answer["files"]] == ["One file 0"]
    assert [file["title"] for file in large_answer["files"]] == [
        "Three files 0",
        "Three files 1",
        "Three files 2",
    ]
    assert large_answer["languages"] == ["en", "fr", "rw"]
    assert [author["name"] for author in large_answer["authors"]] == [f"Author {n}" for n in range(4)]
    assert {country["code"] for country in large_answer["countries"]} == {"RWA", "BDI", "COD"}
    assert len(large_answer["themes"]) == 3
    assert large_answer["session"]["number"] == 10 and large_answer["cycle"] == 1
    assert large_answer["meta"]["parent"]["id"] == sections["publications"].pk


def test_a_listing_of_publications_with_every_field_costs_the_same_queries_for_two_or_twenty(
    client, sections, upr_vocabularies, django_assert_max_num_queries, settings
):
    settings.API_CACHE_SERVER_SECONDS = 0
    listing = reverse("wagtailapi:pages:listing")
    params = {"type": "publications.PublicationPage", "fields": "*", "limit": 50}
    for number in range(2):
        publication(sections["publications"], f"Report {number}", files=2, authors=1)
    client.get(listing, params)

    with CaptureQueriesContext(connection) as two:
        assert client.get(listing, params).json()["meta"]["total_count"] == 2
    for number in range(2, 20):
        publication(sections["publications"], f"Report {number}", files=2, authors=1)
    client.get(listing, params)
    with CaptureQueriesContext(connection) as twenty:
        answer = client.get(listing, params).json()
    assert answer["meta"]["total_count"] == 20
    assert all(len(item["files"]) == 2 for item in answer["items"])
    assert len(twenty.captured_queries) == len(two.captured_queries)


def test_a_page_under_a_restricted_section_stays_out_without_a_query_per_page(
    client, sections, upr_vocabularies, django_capture_on_commit_callbacks
):
    page = publication(sections["publications"], "Private report", files=1, authors=0)
    assert client.get(reverse("wagtailapi:pages:detail", args=[page.pk])).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # the content version moves at commit
        PageViewRestriction.objects.create(
            page=sections["publications"], restriction_type=PageViewRestriction.LOGIN
        )

    assert client.get(reverse("wagtailapi:pages:detail", args=[page.pk])).status_code == 404
    listed = client.get(reverse("wagtailapi:pages:listing"), {"type": "publications.PublicationPage"}).json()
    assert listed["meta"]["total_count"] == 0
    # Signed in or not: the API's answers are the public's.
    client.force_login(UserFactory())
    assert client.get(reverse("wagtailapi:pages:detail", args=[page.pk])).status_code == 404
