"""What the CMS holds after the fault run, read in a process of the CMS's own: ``python manage.py shell -c
"from tests.faults.state import main; main()"``. Prints JSON: every case (its token, the SHA-256 of each
decrypted file, the Message-IDs its notifications must have), the objects under legal-aid/, the tasks."""

import hashlib
import json
import re
import sys

from django_tasks_db.models import DBTaskResult

from django.core.files.storage import default_storage
from django.db.models import Count

from legal_aid.models import LegalAidRequest
from legal_aid.retention import stored_objects
from legal_aid.services import read_attachment
from legal_aid.tasks import _message_id


def main():
    cases = []
    for case in LegalAidRequest.objects.prefetch_related("attachments"):
        data = case.get_data()
        files = []
        for attachment in case.attachments.all():
            try:
                _metadata, content = read_attachment(attachment, None)
                files.append(hashlib.sha256(content).hexdigest())
            except Exception as error:  # reported, and the test fails on it
                files.append(f"unreadable: {type(error).__name__}: {error}")
        token = re.search(r"token (\w+)", data["description"])
        cases.append(
            {
                "reference": case.reference,
                "token": token.group(1) if token else None,
                "files": sorted(files),
                # The run's requests do not tick the acknowledgement box: the team's mail only.
                "message_ids": [_message_id(case, "team")],
            }
        )
    tasks = dict(DBTaskResult.objects.values_list("status").annotate(count=Count("pk")))
    json.dump(
        {
            "cases": cases,
            "objects": sorted(stored_objects(default_storage)),
            "tasks": tasks,
        },
        sys.stdout,
    )
