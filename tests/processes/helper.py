"""A process of the CMS's own beside the servers, driven line by line from the test.

``python manage.py shell --no-imports -c "from tests.processes.helper import main; main()"``
reads one JSON request a line on stdin and writes one JSON answer a line (after ``ANSWER``) on
stdout:

* ``{"action": "publish_publication", ...}``, ``{"action": "retitle", ...}``: what an editor does,
  committed when the answer comes (so the worker has its tasks by then);
* ``{"action": "read", "paths": [...]}``: the reference answers: each path read through Django's
  test client in this process, its cache emptied first and the answer cache off, so that
  everything is computed from the database as it is now.

Started with the site's settings for editing, and without ``REDIS_URL`` (and with
``API_CACHE_SERVER_SECONDS=0``) for reading.
"""

import json
import sys
import traceback
from pathlib import Path

ANSWER = "ANSWER "
HOST = "cms.example.org"


def publish_publication(title, summary, pdf):
    """A publication with one PDF (uploaded to the site's storage), published; its page id."""
    from django.core.files.base import ContentFile

    from publications.factories import PublicationFileFactory, PublicationPageFactory, ReportDocumentFactory
    from publications.models import PublicationIndexPage

    shelf = PublicationIndexPage.objects.get()
    page = PublicationPageFactory(parent=shelf, title=title, summary=summary)
    path = Path(pdf)
    document = ReportDocumentFactory(title=path.stem, file=ContentFile(path.read_bytes(), name=path.name))
    PublicationFileFactory(page=page, document=document, language="en")
    page.save_revision().publish()
    return {"id": page.pk}


def retitle(page_id, title):
    """An edit of a live page, published: its new title."""
    from wagtail.models import Page

    page = Page.objects.get(pk=page_id).specific
    page.title = title
    page.save_revision().publish()
    return {"title": page.title}


def read(paths):
    from django.core.cache import cache
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    answers = {}
    for path in paths:
        cache.clear()
        response = client.get(path)
        answers[path] = {"status": response.status_code, "body": response.content.decode()}
    return answers


ACTIONS = {"publish_publication": publish_publication, "retitle": retitle, "read": read}


def main():
    for line in sys.stdin:
        request = json.loads(line)
        try:
            answer = {"result": ACTIONS[request.pop("action")](**request)}
        except Exception:
            answer = {"error": traceback.format_exc()}
        sys.stdout.write(ANSWER + json.dumps(answer) + "\n")
        sys.stdout.flush()
