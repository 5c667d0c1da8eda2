"""Resolving the addresses Plone puts in rich text, without a database."""

import pytest

from plone_import.links import DOCUMENT, IMAGE, PAGE, LinkRewriter, Target

TARGETS = {"uid-about": Target(PAGE, 1), "uid-pdf": Target(DOCUMENT, 2), "uid-logo": Target(IMAGE, 3)}
PATHS = {"/en/about": "uid-about", "/en/files/report.pdf": "uid-pdf", "/en/files/logo.png": "uid-logo"}


@pytest.fixture
def rewriter():
    return LinkRewriter(TARGETS, PATHS, "https://old.example.org/Plone")


class TestResolve:
    @pytest.mark.parametrize(
        "address",
        [
            "resolveuid/uid-about",
            "../resolveUid/uid-about#team",
            "/en/about",
            "/en/about/view",
            "about",  # relative to /en/news: a sibling
            "https://old.example.org/Plone/en/about/",
            "${portal_url}/en/about",
        ],
    )
    def test_addresses_of_a_page(self, rewriter, address):
        assert rewriter.resolve(address, "/en/news") == (Target(PAGE, 1), True)

    @pytest.mark.parametrize(
        "address",
        [
            "resolveuid/uid-pdf/@@download/file",
            "/en/files/report.pdf/@@download/file/report.pdf",
            "files/report.pdf",
        ],
    )
    def test_addresses_of_a_file(self, rewriter, address):
        assert rewriter.resolve(address, "/en") == (Target(DOCUMENT, 2), True)

    @pytest.mark.parametrize(
        "address",
        [
            "https://www.ohchr.org/en",
            "mailto:info@example.org",
            "#top",
            "https://other.example.org/Plone/en/about",
        ],
    )
    def test_outside_addresses_are_left_alone(self, rewriter, address):
        assert rewriter.resolve(address, "/en") == (None, False)

    def test_an_address_inside_the_site_that_leads_nowhere(self, rewriter):
        assert rewriter.resolve("/en/gone", "/en") == (None, True)
        assert rewriter.resolve("resolveuid/unknown", "/en") == (None, True)


class TestRewrite:
    def test_links_and_images(self, rewriter):
        html, unresolved = rewriter.rewrite(
            '<p><a href="resolveuid/uid-about" class="internal-link" target="_self">About</a> '
            '<a href="/en/gone">gone</a> <img src="resolveuid/uid-logo/@@images/image/preview" class="image-right" alt="L">'
            '<img src="/en/missing.png"></p>',
            "/en/news",
        )

        assert html == (
            '<p><a id="1" linktype="page">About</a> <a href="/en/gone">gone</a> '
            '<embed alt="L" embedtype="image" format="right" id="3"/><img src="/en/missing.png"/></p>'
        )
        assert unresolved == ["/en/gone", "/en/missing.png"]

    def test_text_without_links_is_unchanged(self, rewriter):
        assert rewriter.rewrite("<p>Plain &amp; simple</p>", "/en") == ("<p>Plain &amp; simple</p>", [])
