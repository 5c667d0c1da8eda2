"""Run inside Zope by bench/beside_plone.py (``zconsole run zope.conf load_site.py CSV PDFS``).

Creates the Plone site ``Plone`` (classic, plone.restapi), then loads every row of CSV (a UPR Info
export) as a Document (title, description, text = the recommendation, subjects = its issues and the
state under review) and every PDF of PDFS as a File, all published, committed in batches. Prints one
JSON line of timings and what the catalog holds. ``app`` is given by zconsole.
"""

import csv
import json
import sys
import time
from pathlib import Path

import transaction
from AccessControl.SecurityManagement import newSecurityManager
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from Products.CMFPlone.factory import addPloneSite
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

BATCH = 250


def document_fields(row):
    text = row["Text"].strip()
    themes = [theme.strip() for theme in row["Issue"].split(",") if theme.strip()]
    return {
        "title": f"{row['To']}: recommendation of {row['From']} (session {row['Session']})",
        "description": text[:200],
        "text": RichTextValue(text, "text/plain", "text/html"),
        "subject": (*themes, row["To"]),
    }


def main(app, csv_path, pdf_folder):
    app = makerequest(app)
    if app.acl_users.getUserById("admin") is None:
        app.acl_users._doAddUser("admin", "admin", ["Manager"], [])
    admin = app.acl_users.getUserById("admin")
    newSecurityManager(None, admin.__of__(app.acl_users))
    started = time.perf_counter()
    if "Plone" in app.objectIds():
        app.manage_delObjects(["Plone"])
    site = addPloneSite(
        app,
        "Plone",
        title="UPR recommendations",
        extension_ids=("plone.app.contenttypes:default", "plone.restapi:default"),
    )
    setSite(site)
    # Everything public from its creation: one indexing per object, as an import would do.
    workflow = site.portal_workflow
    workflow.setChainForPortalTypes(("Document", "File", "Folder"), ("one_state_workflow",))
    site.invokeFactory("Folder", "recommendations", title="Recommendations")
    site.invokeFactory("Folder", "publications", title="Publications")
    transaction.commit()
    site_seconds = time.perf_counter() - started

    folder = site["recommendations"]
    started = time.perf_counter()
    count = 0
    with open(csv_path, newline="", encoding="utf-8") as rows:
        for line, row in enumerate(csv.DictReader(rows), start=1):
            folder.invokeFactory("Document", f"r{line:05d}", **document_fields(row))
            count += 1
            if count % BATCH == 0:
                transaction.commit()
    transaction.commit()
    documents_seconds = time.perf_counter() - started

    shelf = site["publications"]
    started = time.perf_counter()
    files = sorted(Path(pdf_folder).glob("*.pdf"))
    for number, pdf in enumerate(files, start=1):
        shelf.invokeFactory(
            "File",
            f"f{number:02d}",
            title=pdf.stem,
            file=NamedBlobFile(pdf.read_bytes(), contentType="application/pdf", filename=pdf.name),
        )
        transaction.commit()
    files_seconds = time.perf_counter() - started

    catalog = site.portal_catalog
    file_words = {}
    for brain in catalog.unrestrictedSearchResults(portal_type="File"):
        data = catalog.getIndexDataForRID(brain.getRID())
        file_words[brain.getId] = len(data.get("SearchableText") or ())
    print(
        json.dumps(
            {
                "documents": count,
                "files": len(files),
                "site_seconds": round(site_seconds, 1),
                "documents_seconds": round(documents_seconds, 1),
                "files_seconds": round(files_seconds, 1),
                "catalogued": len(catalog.unrestrictedSearchResults(path="/Plone")),
                "file_words": file_words,
            }
        )
    )


main(app, *sys.argv[-2:])  # noqa: F821 (given by zconsole)
