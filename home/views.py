"""Images at addresses that never expire, for the API and the public site.

With a private bucket, a file's own URL is signed and lasts minutes (``AWS_QUERYSTRING_EXPIRE``),
while the API's answers, the public site's pages and the readers' caches keep an image's address
for longer. The API gives ``/images/<signature>/<id>/<spec>/`` instead (Wagtail's serve view):
it redirects to a freshly signed URL of the rendition, and no one may keep the redirect longer
than half the signature lasts.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

from wagtail.images.views.serve import ServeView


class ImageServeView(ServeView):
    action = "redirect"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if response.status_code in (301, 302):
            del response["Cache-Control"]
            patch_cache_control(response, public=True, max_age=max(settings.AWS_QUERYSTRING_EXPIRE // 2, 0))
        return response
