"""The CMS's images and documents served from this origin, so that a reader's browser talks to it alone.

In production the web server in front can route ``/media/`` and ``/documents/`` to the CMS (or
the object store) instead; this view streams them on a laptop and wherever that is not done.
"""

from django.http import StreamingHttpResponse
from django.views.decorators.http import require_GET

from frontend import api_client

PASSED_HEADERS = ("Content-Type", "Content-Length", "Content-Disposition", "Last-Modified", "ETag")


def streamed(upstream, content_type=None):
    """A response streaming the body of ``upstream`` (a streamed ``requests`` response), then closing it."""

    def chunks():
        try:
            yield from upstream.iter_content(64 * 1024)
        finally:
            upstream.close()

    return StreamingHttpResponse(chunks(), content_type=content_type)


@require_GET
def cms_file(request, prefix, path):
    if ".." in path.split("/"):
        raise api_client.NotFound()
    upstream = api_client.stream(f"{prefix}/{path}")

    response = streamed(upstream)
    for header in PASSED_HEADERS:
        if header in upstream.headers:
            response[header] = upstream.headers[header]
    response["Cache-Control"] = "public, max-age=3600"
    return response
