"""The CMS's sitemap, served by the public site with its addresses on the public site's host."""

import re
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.utils.html import escape
from django.views.decorators.http import require_GET

from frontend import api_client

# A page's address, and those of its translations (xhtml:link alternates).
LOCATION = re.compile(r"(<loc>)([^<]+)(</loc>)|(<xhtml:link[^>]*href=\")([^\"]+)(\")")


@require_GET
def sitemap(request):
    upstream = api_client.stream("sitemap.xml")
    try:
        xml = upstream.content.decode()
    finally:
        upstream.close()

    def here(match):
        before, url, after = match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)
        return f"{before}{escape(request.build_absolute_uri(urlsplit(url).path))}{after}"

    return HttpResponse(LOCATION.sub(here, xml), content_type="application/xml")
