"""Content-Security-Policy and Permissions-Policy on every kind of answer of the CMS."""

import pytest

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (item.strip() for item in policy.split(";")) if part
    }


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?locale=en",  # the API (JSON)
        "/api/v2/no-such-endpoint/",  # an API error
        "/api/schema/",  # the OpenAPI description
        "/api/schema/docs/",  # its documentation pages
        "/api/schema/redoc/",
        "/sitemap.xml",
        "/en/",  # a page (redirected to the public site, or served)
        "/no-such-page/",  # a 404 page
    ],
)
def test_every_kind_of_answer_has_both_policies(client, site, url):
    response = client.get(url)
    policy = directives(response)
    assert policy["script-src"] == ["'self'"], url  # no inline script, no eval, nothing foreign
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]


def test_the_admin_allows_the_inline_scripts_of_wagtails_widgets_and_nothing_foreign(client):
    response = client.get("/admin/login/")
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
    assert policy["object-src"] == ["'none'"]
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_the_api_documentation_has_no_inline_script(client, site):
    page = client.get("/api/schema/docs/").content.decode()
    assert "<script>" not in page
    script = client.get("/api/schema/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert b"/api/schema/" in script.content


def test_the_storage_address_is_allowed_for_images_when_it_is_elsewhere():
    """Images in a bucket of another origin: their address is in img-src (the policy is read from the environment)."""
    import subprocess
    import sys

    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from cms.settings import test as s; print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={
            **__import__("os").environ,
            "AWS_STORAGE_BUCKET_NAME": "media",
            "AWS_S3_CUSTOM_DOMAIN": "media.example.org",
        },
    )
    assert "https://media.example.org" in out.stdout
