"""A small multilingual Plone 6 site (en/fr/rw), written as either export format.

Items follow the structure the formats document (plone.exportimport's
``content/<UID>/data.json`` with ``__metadata__.json``; collective.exportimport's
JSON list with inline base64 blobs and side files). The PDF is the one of
plone.exportimport's own test export; the images are made with Pillow.
"""

import base64
import json
from pathlib import Path

from tests.support.files import SHARED_DATA, png_bytes

PDF = (
    SHARED_DATA
    / "plone-export"
    / "base_import"
    / "content"
    / "3e0dd7c4b2714eafa1d6fc6a1493f953"
    / "file"
    / "plone.pdf"
).read_bytes()
LOGO = png_bytes(64, 48, (200, 30, 30))
LEAD = png_bytes(80, 40, (30, 160, 60))
PORTAL_URL = "http://plone.example.org/Plone"


def uid(name):
    """A 32-hex UID that tells which item it is."""
    return name.encode().hex().ljust(32, "0")[:32]


def text(html):
    return {"content-type": "text/html", "data": html, "encoding": "utf-8"}


def site_items():
    """The items, parents first, each with what both formats need."""
    about_en = (
        f'<p>We work on the <a href="resolveuid/{uid("news-en")}">launch</a> and '
        f'<a href="../files/annual-report.pdf/@@download/file">our report</a>, see '
        f'<a href="https://www.ohchr.org/">OHCHR</a> and <a href="/en/no-such-page">an old page</a>.</p>'
        f'<p><img src="resolveuid/{uid("logo")}/@@images/image/large" class="image-left" alt="Logo"></p>'
        f'<p><a href="{PORTAL_URL}/en/events/workshop">The workshop</a></p>'
    )
    items = [
        make_item("en", "LRF", "/en", "/", title="English", language="en"),
        make_item("fr", "LRF", "/fr", "/", title="Français", language="fr"),
        make_item("rw", "LRF", "/rw", "/", title="Ikinyarwanda", language="rw"),
        make_item(
            "about-en",
            "Document",
            "/en/about",
            "/en",
            title="About us",
            language="en",
            description="Who we are",
            text=text(about_en),
            subjects=["Death penalty"],
        ),
        make_item(
            "about-fr",
            "Document",
            "/fr/a-propos",
            "/fr",
            title="À propos",
            language="fr",
            text=text(f'<p>Voir <a href="resolveuid/{uid("about-en")}">la version anglaise</a>.</p>'),
        ),
        make_item(
            "about-rw",
            "Document",
            "/rw/ibyerekeye",
            "/rw",
            title="Ibyerekeye",
            language="rw",
            text=text("<p>Turi bande.</p>"),
        ),
        make_item("news-folder", "Folder", "/en/news", "/en", title="News", language="en"),
        make_item(
            "news-en",
            "News Item",
            "/en/news/launch",
            "/en/news",
            title="Report launch",
            language="en",
            description="The report is out.",
            text=text("<p>It is out.</p>"),
            effective="2025-03-04T10:00:00+00:00",
            subjects=["Human rights defenders", "Unknown subject"],
            image={"blob": LEAD, "filename": "lead.png", "content-type": "image/png"},
        ),
        make_item(
            "news-fr",
            "News Item",
            "/fr/actualites-lancement",
            "/fr",
            title="Lancement du rapport",
            language="fr",
            description="Le rapport est publié.",
            effective="2025-03-04T10:00:00+00:00",
        ),
        make_item("events", "Folder", "/en/events", "/en", title="Events", language="en"),
        make_item(
            "workshop",
            "Event",
            "/en/events/workshop",
            "/en/events",
            title="UPR workshop",
            language="en",
            description="Preparing the review.",
            start="2025-05-12T07:00:00+00:00",
            end="2025-05-12T15:30:00+00:00",
            timezone="Africa/Kigali",
            location="Kigali",
        ),
        make_item("files", "Folder", "/en/files", "/en", title="Files", language="en"),
        make_item(
            "report-pdf",
            "File",
            "/en/files/annual-report.pdf",
            "/en/files",
            title="Annual report 2024",
            language="en",
            description="The PDF",
            file={"blob": PDF, "filename": "annual-report.pdf", "content-type": "application/pdf"},
        ),
        make_item(
            "logo",
            "Image",
            "/en/files/logo.png",
            "/en/files",
            title="Logo",
            language="en",
            image={"blob": LOGO, "filename": "logo.png", "content-type": "image/png"},
        ),
        make_item(
            "private",
            "Document",
            "/en/private-notes",
            "/en",
            title="Private notes",
            language="en",
            review_state="private",
            text=text("<p>Not yet.</p>"),
        ),
        make_item(
            "moved",
            "Document",
            "/en/moved-page",
            "/en",
            title="Moved page",
            language="en",
            text=text("<p>I moved.</p>"),
        ),
        make_item(
            "old-link",
            "Link",
            "/en/old-link",
            "/en",
            title="Old link",
            language="en",
            remoteUrl=f"${{portal_url}}/resolveuid/{uid('about-en')}",
        ),
        make_item(
            "outside-link",
            "Link",
            "/en/ohchr",
            "/en",
            title="OHCHR",
            language="en",
            remoteUrl="https://www.ohchr.org/",
        ),
        make_item(
            "legal", "Document", "/legal", "/", title="Legal notice", language="", text=text("<p>Legal.</p>")
        ),
    ]
    for position, item in enumerate(items):
        item["position"] = position
    return items


TRANSLATIONS = [
    {"en": uid("en"), "fr": uid("fr"), "rw": uid("rw")},
    {"en": uid("about-en"), "fr": uid("about-fr"), "rw": uid("about-rw")},
    {"en": uid("news-en"), "fr": uid("news-fr")},
]
REDIRECTS = {"/en/old-place/moved-page": "/en/moved-page", "/en/about-us": "/en/about"}


def make_item(name, portal_type, path, parent_path, *, review_state="published", **fields):
    return {
        "name": name,
        "UID": uid(name),
        "@type": portal_type,
        "path": path,
        "parent_path": parent_path,
        "id": path.rsplit("/", 1)[-1],
        "review_state": review_state,
        "creators": ["editor"],
        "created": "2025-01-02T09:00:00+00:00",
        "modified": "2025-01-03T09:00:00+00:00",
        "effective": fields.pop("effective", "2025-01-02T10:00:00+00:00"),
        "description": "",
        "subjects": [],
        **fields,
    }


def _parents(items):
    by_path = {item["path"]: item for item in items}

    def parent(item):
        found = by_path.get(item["parent_path"])
        if found is None:
            return {"@id": "/", "@type": "Plone Site", "UID": "plone_site_root", "title": "Site"}
        return {"@id": found["path"], "@type": found["@type"], "UID": found["UID"], "title": found["title"]}

    return parent


def write_plone_exportimport(directory, items=None, *, translations=TRANSLATIONS, redirects=REDIRECTS):
    """Write the site as plone.exportimport does; return the folder."""
    items = items if items is not None else site_items()
    directory = Path(directory)
    content = directory / "content"
    content.mkdir(parents=True)
    parent = _parents(items)
    data_files, blob_files, ordering = ["plone_site_root/data.json"], [], {}
    (content / "plone_site_root").mkdir()
    (content / "plone_site_root" / "data.json").write_text(
        json.dumps({"@id": "/Plone", "@type": "Plone Site", "UID": "plone_site_root", "title": "Site"})
    )
    for item in items:
        data = {
            key: value
            for key, value in item.items()
            if key not in {"name", "path", "parent_path", "position"}
        }
        data["@id"] = item["path"]
        data["parent"] = parent(item)
        folder = content / item["UID"]
        folder.mkdir()
        for field_name in ("file", "image"):
            if field_name in item:
                blob = item[field_name]
                (folder / field_name).mkdir()
                (folder / field_name / blob["filename"]).write_bytes(blob["blob"])
                blob_path = f"{item['UID']}/{field_name}/{blob['filename']}"
                data[field_name] = {
                    "blob_path": blob_path,
                    "content-type": blob["content-type"],
                    "filename": blob["filename"],
                    "size": len(blob["blob"]),
                }
                blob_files.append(blob_path)
        (folder / "data.json").write_text(json.dumps(data))
        data_files.append(f"{item['UID']}/data.json")
        ordering[item["UID"]] = item["position"]
    metadata = {
        "__version__": "1.0.0",
        "_blob_files_": blob_files,
        "_data_files_": data_files,
        "default_page": {},
        "local_roles": {},
        "ordering": ordering,
    }
    (content / "__metadata__.json").write_text(json.dumps(metadata))
    groups = []
    for group in translations:
        canonical = group.get("en") or next(iter(group.values()))
        groups.append(
            {"canonical": canonical, "translations": {k: v for k, v in group.items() if v != canonical}}
        )
    (directory / "translations.json").write_text(json.dumps(groups))
    (directory / "redirects.json").write_text(json.dumps(redirects))
    (directory / "relations.json").write_text("[]")
    return directory


def write_collective_exportimport(directory, items=None, *, translations=TRANSLATIONS, redirects=REDIRECTS):
    """Write the site as collective.exportimport does (inline base64 blobs); return the content file."""
    items = items if items is not None else site_items()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    parent = _parents(items)
    entries = []
    for item in items:
        data = {
            key: value
            for key, value in item.items()
            if key not in {"name", "path", "parent_path", "position"}
        }
        data["@id"] = PORTAL_URL + item["path"]
        found = parent(item)
        data["parent"] = {**found, "@id": PORTAL_URL + (found["@id"] if found["@id"] != "/" else "")}
        for field_name in ("file", "image"):
            if field_name in item:
                blob = item[field_name]
                data[field_name] = {
                    "data": base64.b64encode(blob["blob"]).decode(),
                    "encoding": "base64",
                    "content-type": blob["content-type"],
                    "filename": blob["filename"],
                }
        entries.append(data)
    content_file = directory / "Plone.json"
    content_file.write_text(json.dumps(entries))
    (directory / "export_translations.json").write_text(json.dumps(translations))
    (directory / "export_redirects.json").write_text(
        json.dumps({f"/Plone{old}": f"/Plone{new}" for old, new in redirects.items()})
    )
    (directory / "export_ordering.json").write_text(
        json.dumps([{"uuid": item["UID"], "order": item["position"]} for item in items])
    )
    return content_file
