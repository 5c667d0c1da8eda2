"""The project's URLs and /bare/: a Django view answering a small JSON object, without the database."""

from django.http import JsonResponse
from django.urls import path

from cms.urls import urlpatterns as project_urlpatterns


def bare(request):
    return JsonResponse({"id": 1, "title": "bare", "items": []})


urlpatterns = [path("bare/", bare), *project_urlpatterns]
