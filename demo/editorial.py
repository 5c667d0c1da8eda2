"""Load the editorial part of the demo (see demo.content.editorial); running it again changes nothing."""

import copy
import datetime
import zoneinfo

from django.core.files import File
from django.utils import timezone

from wagtail.models import Locale

from demo.content import editorial as content
from demo.pages import update_page
from home.models import StandardPage
from legal_aid.models import (
    HotlineContact,
    LegalAidIndexPage,
    LegalAidRequest,
    LegalAidRequestPage,
    LegalInformationPage,
)
from locales.translation import translate
from programmes.kinds import ensure_programme_kinds, translate_programme_kinds
from programmes.models import (
    ProgrammeIndexPage,
    ProgrammeKind,
    ProgrammePage,
    TrainingVideoIndexPage,
    TrainingVideoPage,
)
from publications.models import (
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsletterPage,
    NewsPage,
    PublicationIndexPage,
    PublicationPage,
    ReportDocument,
)
from upr.models import Country, Session


def load_editorial_demo(home, report):
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    rwanda = Country.objects.get(iso3="RWA", locale=home.locale)

    created = []

    def translate_all(page, spec, label):
        # Every page in every language of the demo: its parent has been translated before it.
        for code in ("fr", "rw"):
            strings = spec["translations"][code]
            before = page.get_translation_or_none(locales[code])
            revision = before.latest_revision_id if before else None
            translated = translate(page, locales[code], strings)
            report(f"{label} ({code})", translated.latest_revision_id != revision)

    def page(parent, model, spec, *, translated=True, **extra):
        """The child of ``parent`` with the spec's slug, created or brought up to date, then translated
        (unless ``translated`` is false: the caller adds what the translations need first)."""
        fields = {**spec["fields"], **extra}
        existing = model.objects.child_of(parent).filter(slug=spec["slug"]).first()
        if existing is None:
            # Wagtail writes block ids into the stream data it is given: give it a copy.
            existing = parent.add_child(instance=model(slug=spec["slug"], **copy.deepcopy(fields)))
            existing.save_revision().publish()
            changed = True
        else:
            changed = update_page(existing, fields)
        report(f"{model._meta.verbose_name} “{fields['title']}” (en)", changed)
        if translated:
            translate_all(existing, spec, model._meta.verbose_name)
        created.append((existing, spec))
        return existing

    # Programmes and a training video
    ensure_programme_kinds()
    # Saved one by one (not updated in bulk), so that search and the API see the change.
    undescribed = ProgrammeKind.objects.filter(
        slug__in=content.PROGRAMME_KIND_DESCRIPTIONS, locale=home.locale, description=""
    )
    for kind in undescribed:
        kind.description = content.PROGRAMME_KIND_DESCRIPTIONS[kind.slug]
        kind.save()
    report("programme kind descriptions", bool(undescribed))
    report(
        "programme kind translations",
        translate_programme_kinds(content.PROGRAMME_KIND_TRANSLATIONS) > 0,
    )
    programmes = page(home, ProgrammeIndexPage, content.PROGRAMME_INDEX)
    programme_pages = {}
    for spec in content.PROGRAMMES:
        kind = ProgrammeKind.objects.get(slug=spec["kind"], locale=home.locale)
        programme = page(programmes, ProgrammePage, spec, kind=kind)
        if not programme.countries.exists():
            programme.countries.set([rwanda])
            programme.save_revision().publish()
        programme_pages[spec["kind"]] = programme
    videos = page(programmes, TrainingVideoIndexPage, content.VIDEO_INDEX)
    video = page(videos, TrainingVideoPage, content.VIDEO, programme=programme_pages["capacity-building"])

    # A publication with the real report of Rwanda's first review
    publications = page(home, PublicationIndexPage, content.PUBLICATION_INDEX)
    document = ReportDocument.objects.filter(title=content.REPORT_TITLE).first()
    if document is None:
        with open(content.REPORT_PDF, "rb") as file:
            document = ReportDocument(
                title=content.REPORT_TITLE, language="en", file=File(file, name=content.REPORT_PDF.name)
            )
            document.save()
    report("report PDF", document.described_file == "")
    session = Session.objects.get(number=10)
    publication = page(
        publications, PublicationPage, content.PUBLICATION, cycle=session.cycle, session=session
    )
    if not publication.files.exists():
        publication.files.create(document=document, language="en")
        publication.countries.set([rwanda])
        publication.save_revision().publish()

    # News, an event with its agenda, a newsletter issue that gathers them
    news_index = page(home, NewsIndexPage, content.NEWS_INDEX)
    news = page(news_index, NewsPage, content.NEWS)
    events = page(home, EventIndexPage, content.EVENT_INDEX)
    starts = timezone.make_aware(content.EVENT_START, zoneinfo.ZoneInfo(content.EVENT["fields"]["time_zone"]))
    event = page(
        events,
        EventPage,
        content.EVENT,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=7, minutes=30),
        country=rwanda,
        session=Session.objects.filter(number=37).first(),
    )
    notes = content.NEWSLETTER["notes"]
    items = [
        {"type": "page", "value": {"page": event.pk, "note": notes["event"]}},
        {"type": "page", "value": {"page": news.pk, "note": ""}},
        {"type": "video", "value": {"video": video.pk, "note": notes["video"]}},
    ]
    page(news_index, NewsletterPage, content.NEWSLETTER, items=items)

    # Legal assistance for media practitioners
    # Translated once its hotline is there: the translations include the hotline's label and hours.
    legal = page(home, LegalAidIndexPage, content.LEGAL_INDEX, translated=False)
    if not legal.hotlines.exists():
        for hotline in content.LEGAL_INDEX["hotlines"]:
            HotlineContact.objects.create(page=legal, locale=legal.locale, country=rwanda, **hotline)
        legal.save_revision().publish()
        report("legal hotline", True)
    translate_all(legal, content.LEGAL_INDEX, LegalAidIndexPage._meta.verbose_name)
    legal_page = page(legal, LegalInformationPage, content.LEGAL_PAGE)
    if not legal_page.countries.exists():
        legal_page.countries.set([rwanda])
        legal_page.save_revision().publish()
    request_form = page(legal, LegalAidRequestPage, content.LEGAL_FORM)
    report("legal request form on the index", update_page(legal, {"request_form_page_id": request_form.pk}))
    load_demo_cases(request_form, report)

    page(home, StandardPage, content.ABOUT)

    # What the home page puts forward
    featured = [
        {"type": "page", "value": {"page": publication.pk, "note": ""}},
        {"type": "page", "value": {"page": event.pk, "note": ""}},
        {
            "type": "page",
            "value": {"page": programme_pages["legal-protection-of-journalists"].pk, "note": ""},
        },
    ]
    report("home page featured content", update_page(home, {"featured": featured}))

    # Adding children, countries or files after a page was translated changed its source:
    # bring every translation up to date, so that running the command again changes nothing.
    for existing, spec in created:
        translate_all(type(existing).objects.get(pk=existing.pk), spec, existing._meta.verbose_name)


def load_demo_cases(request_form, report):
    """A few fictional requests, encrypted like real ones, once; no notification is sent for them."""
    import io

    from PIL import Image

    from legal_aid.services import Upload, submit_request, update_case

    if LegalAidRequest.objects.filter(form_page=request_form).exists():
        report("legal assistance requests", False)
        return
    for spec in content.LEGAL_CASES:
        uploads = []
        if spec["file"]:
            buffer = io.BytesIO()
            Image.new("RGB", (200, 120), (240, 240, 230)).save(buffer, format="PNG")
            name, content_type = spec["file"]
            uploads.append(Upload(name=name, content_type=content_type, data=buffer.getvalue()))
        answers = spec["answers"]
        submitted = submit_request(
            request_form, answers["preferred_language"], answers, uploads, notify=False
        )
        if spec["status"] != "new" or spec["note"]:
            update_case(submitted.case, None, status=spec["status"], assignee=None, note=spec["note"])
    report("legal assistance requests", True)
