"""Write a read Plone export into Wagtail, all or nothing, and remember each UID for the next run.

Three passes over the items, in tree order:

1. files and images (so that pages and texts can point to them);
2. pages: placed in the tree (under the page their Plone parent became, or
   the index page their type requires), created or updated with their
   fields but not yet their text, in the locale of their language and with
   the translation key of their translation group;
3. texts, once every UID has a Wagtail object: links and images rewritten,
   then one revision saved per page, published when Plone had it published.

Then Links become redirects, and every old Plone path (with the paths an
item had before it was moved) redirects to what the item became. All of it
runs in one transaction; files written to storage by a run that fails, or
by a dry run, are deleted again.
"""

import hashlib
import io
import uuid
import zoneinfo
from collections import defaultdict
from datetime import datetime, time, timedelta
from html import escape

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

from home.uploads import clean_upload
from locales.translation import translate
from publications.choices import PublicationType
from publications.models import PublicationFile, PublicationPage, ReportDocument
from upr.models import Theme

from .links import DOCUMENT, IMAGE, PAGE, LinkRewriter, Target
from .mapping import DOCUMENT as DOCUMENT_KIND
from .mapping import FOLDER_TYPES, LANGUAGE_ROOT, LINK, TypeMapping, accepts, index_model_for
from .mapping import IMAGE as IMAGE_KIND
from .models import PloneImportRun, PloneItem
from .readers import PloneExport
from .redirects import write_redirects
from .report import Report

# Translation keys made from Plone UIDs: the same group gives the same key on every run.
KEY_NAMESPACE = uuid.UUID("5b0f6d3e-2c53-4c61-9a8e-2f0c6f1d7a10")
COLLECTION_NAME = "Plone"
DEFAULT_EVENT_LENGTH = timedelta(hours=1)
TREE_FIELDS = ["path", "depth", "numchild", "url_path"]
# The title of an index page the importer has to create for pages that need one.
INDEX_TITLES = {
    "publications.NewsIndexPage": _("News"),
    "publications.EventIndexPage": _("Events"),
    "publications.PublicationIndexPage": _("Publications"),
}


class ImportFailed(Exception):
    def __init__(self, run):
        self.run = run
        super().__init__(run.error)


class ItemError(Exception):
    """An item that cannot be written as it is: the whole import stops."""

    def __init__(self, item, problem):
        super().__init__(f"{item.source}: {problem}")


class _Rollback(Exception):
    pass


def _check_upload(item, field_file):
    """The file is of the kind its name says, and no page or script (as the admin's upload checks it)."""
    try:
        clean_upload(field_file)
    except ValidationError as error:
        raise ItemError(item, " ".join(error.messages)) from None


class PloneImporter:
    def __init__(
        self,
        export: PloneExport,
        *,
        source="",
        mapping: TypeMapping | None = None,
        parent: Page | None = None,
        language_map=None,
        time_zone=None,
        publication_type=PublicationType.MEDIA_PUBLICATION,
        dry_run=False,
        site_url="",
        on_progress=None,
    ):
        self.export = export
        self.source = source
        self.mapping = mapping or TypeMapping()
        self.parent = (parent or Site.objects.get(is_default_site=True).root_page).specific
        self.language_map = dict(language_map or {})
        self.time_zone = time_zone
        self.publication_type = publication_type
        self.dry_run = dry_run
        # The old site's address, for absolute links to it (collective.exportimport gives it).
        self.site_url = site_url or export.portal_url
        self.on_progress = on_progress
        self.report = Report()
        self.written_files = []

    # The run ----------------------------------------------------------------

    def run(self) -> PloneImportRun:
        run = PloneImportRun(
            source=str(self.source)[:500],
            export_format=self.export.export_format,
            status=PloneImportRun.Status.DRY_RUN,
            started_at=timezone.now(),
            items_read=len(self.export.items),
        )
        try:
            with transaction.atomic():
                run.save()
                self.run_record = run
                self._import()
                if self.dry_run:
                    raise _Rollback
                run.status = PloneImportRun.Status.SUCCEEDED
                self._finish(run)
        except _Rollback:
            self._delete_written_files()
            run.pk = None
            self._finish(run)
        except Exception as error:
            self._delete_written_files()
            run.pk = None
            run.status = PloneImportRun.Status.FAILED
            run.error = str(error) if isinstance(error, ItemError | ValidationError) else repr(error)
            self._finish(run)
            if isinstance(error, ItemError):
                raise ImportFailed(run) from None
            raise ImportFailed(run) from error
        return run

    def _finish(self, run):
        run.report = self.report.as_dict()
        run.finished_at = timezone.now()
        run.save()

    def _delete_written_files(self):
        for name in self.written_files:
            default_storage.delete(name)
        self.written_files = []

    def _progress(self):
        if self.on_progress:
            self.on_progress(1)

    # Passes -------------------------------------------------------------------

    def _import(self):
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.default_language = self.parent.locale.language_code
        self.homes = {self.default_language: self.parent}
        self.site = self.parent.get_site() or Site.objects.filter(is_default_site=True).first()
        self.known = {entry.uid: entry for entry in PloneItem.objects.filter(uid__in=self._all_uids())}
        self.users = {user.get_username(): user for user in get_user_model().objects.all()}
        self.themes = self._theme_index()
        self.collection = None
        self.pages = {}  # UID -> specific page
        self.targets = {}  # UID -> links.Target
        self.objects = {}  # UID -> (object, checksum, portal_type, path) for PloneItem
        self.unchanged = set()
        self.used_keys = set()
        self.index_pages = {}
        self.tree_changed = False
        self.wanted_redirects = {}  # old path -> (page id, link)
        self.uid_by_path = {item.path: item.uid for item in self.export.items}

        items = sorted(
            self.export.items, key=lambda i: (i.depth, i.position if i.position is not None else 1e9, i.path)
        )
        planned = []
        for item in items:
            language = self._language(item)
            if language is None:
                self.report.skip(item, f"its language “{item.language}” is not one of the site's languages")
                self._progress()
                continue
            kind = self.mapping.kind(item)
            if kind is None:
                self.report.skip(item, f"Plone type “{item.portal_type}” is not imported")
                self._progress()
                continue
            planned.append((item, language, kind))
        self._fold_index_folders(planned)
        by_uid = {item.uid: item for item in self.export.items}
        for folder_uid, page_uid in self.export.default_pages.items():
            if folder_uid in by_uid and page_uid in by_uid:
                # Both are imported; an editor decides whether the folder's page should say more.
                self.report.note(
                    by_uid[folder_uid], f"Plone showed {by_uid[page_uid].path} as this folder's page"
                )

        for root in self.export.root_uids:
            self.targets[root] = Target(PAGE, self.parent.pk)

        for item, language, kind in planned:
            if kind in (DOCUMENT_KIND, IMAGE_KIND):
                self._file(item, language, kind)
                self._progress()
        texts = []
        for item, language, kind in planned:
            if kind == LANGUAGE_ROOT:
                home = self._home(language)
                self.pages[item.uid] = home
                self.targets[item.uid] = Target(PAGE, home.pk)
                self.report.count(item, "mapped to the home page")
                self._progress()
            elif isinstance(kind, type):
                page = self._page(item, language, kind)
                if page is not None:
                    texts.append((item, page, item.uid))
                else:
                    self._progress()
            elif kind == DOCUMENT_KIND and (model := self.mapping.publication_prefix(item)):
                page = self._publication_of_file(item, language, model)
                if page is not None:
                    texts.append((item, page, f"{item.uid}:page"))
        rewriter = LinkRewriter(self.targets, self._uids_by_path(), self.site_url)
        for item, page, key in texts:
            self._text_and_state(item, page, key, rewriter)
            if key == item.uid:
                self._progress()
        for item, language, kind in planned:
            if kind == LINK:
                self._link(item, language, rewriter)
                self._progress()
        for item, _language, _kind in planned:
            self._redirects(item)
        self.report.redirects = write_redirects(self.site, self.wanted_redirects)
        self._remember()

    def _all_uids(self):
        uids = []
        for item in self.export.items:
            uids += [item.uid, f"{item.uid}:image", f"{item.uid}:page"]
        return uids

    def _language(self, item):
        code = self.language_map.get(item.language, item.language) or self.default_language
        languages = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
        if code not in languages and code.split("-")[0] in languages:
            code = code.split("-")[0]  # fr-ca: French
        if code not in languages:
            return None
        if code not in self.locales:
            self.locales[code] = Locale.objects.get_or_create(language_code=code)[0]
        return code

    def _fold_index_folders(self, planned):
        """A folder that holds only news (events, publications…) becomes the index those pages need."""
        children = defaultdict(set)
        for item, _language, kind in planned:
            if isinstance(kind, type):
                children[item.parent_uid].add(kind)
        for position, (item, language, kind) in enumerate(planned):
            if item.portal_type not in FOLDER_TYPES or item.text.strip() or not isinstance(kind, type):
                continue
            kinds = children.get(item.uid, set())
            if len(kinds) == 1:
                index = index_model_for(next(iter(kinds)))
                if index is not None and kind is not index:
                    planned[position] = (item, language, index)

    # Files and images ---------------------------------------------------------------

    def _file(self, item, language, kind):
        if item.blob is None:
            self.report.skip(item, "it has no file")
            return
        if kind == DOCUMENT_KIND:
            document = self._document(item, item.uid, item.blob, language)
            self.targets[item.uid] = Target(DOCUMENT, document.pk)
        else:
            image = self._image(item, item.uid, item.blob)
            self.targets[item.uid] = Target(IMAGE, image.pk)

    def _collection(self):
        if self.collection is None:
            root = Collection.get_first_root_node()
            self.collection = root.get_children().filter(name=COLLECTION_NAME).first() or root.add_child(
                name=COLLECTION_NAME
            )
        return self.collection

    def _known_object(self, key, model):
        known = self.known.get(key)
        if known is None or known.content_type_id != ContentType.objects.get_for_model(model).pk:
            return None, None
        return model.objects.filter(pk=known.object_id).first(), known

    def _document(self, item, key, blob, language):
        checksum = item.checksum()
        document, known = self._known_object(key, ReportDocument)
        if document is not None and known.checksum == checksum:
            self.report.count(item, "unchanged")
            self.objects[key] = (document, checksum, item)
            return document
        data = blob.read()
        created = document is None
        if created:
            document = ReportDocument(
                collection=self._collection(), uploaded_by_user=self.users.get(item.owner)
            )
        document.title = (item.title or blob.filename)[:255]
        document.description = item.description
        document.language = language if item.language else ""
        if created or document.file_hash != _sha1(data):
            document.file = ContentFile(data, name=blob.filename)
            _check_upload(item, document.file)
            document.file_size = len(data)
            document._set_file_hash()
            document.save()
            self.written_files.append(document.file.name)
        else:
            document.save()
        self.report.count(item, "created" if created else "updated")
        self.objects[key] = (document, checksum, item)
        return document

    def _image(self, item, key, blob):
        image_model = get_image_model()
        checksum = item.checksum()
        image, known = self._known_object(key, image_model)
        if image is not None and known.checksum == checksum:
            if key == item.uid:
                self.report.count(item, "unchanged")
            self.objects[key] = (image, checksum, item)
            return image
        data = blob.read()
        created = image is None
        if created:
            image = image_model(collection=self._collection(), uploaded_by_user=self.users.get(item.owner))
        image.title = (item.title or blob.filename)[:255]
        image.description = item.description[:255]
        if hasattr(image, "credit"):
            image.credit = (item.rights or "")[:255]
        if created or image.file_hash != _sha1(data):
            image.file = ImageFile(io.BytesIO(data), name=blob.filename)
            if not image.width or not image.height:
                raise ItemError(item, f"its image {blob.filename} cannot be read as an image.")
            _check_upload(item, image.file)
            image.file_size = len(data)
            image._set_file_hash()
            image.save()
            self.written_files.append(image.file.name)
        else:
            image.save()
        if key == item.uid:
            self.report.count(item, "created" if created else "updated")
        self.objects[key] = (image, checksum, item)
        return image

    # Pages ----------------------------------------------------------------------

    def _home(self, language):
        if language not in self.homes:
            locale = self.locales[language]
            home = self.parent.get_translation_or_none(locale)
            if home is None:
                home = translate(self.parent, locale)
            self.homes[language] = home.specific
        return self.homes[language]

    def _parent_for(self, item, language, model):
        locale = self.locales[language]
        parent = self.pages.get(item.parent_uid)
        if parent is None:
            # The parent was skipped or is the site: the nearest imported ancestor, else the home page.
            path = item.parent_path
            while parent is None and path not in ("", "/"):
                parent = self.pages.get(self.uid_by_path.get(path))
                path = path.rsplit("/", 1)[0] or "/"
            parent = parent or self._home(language)
        if parent.locale_id != locale.pk:
            translated = parent.get_translation_or_none(locale)
            self.report.note(
                item, f"its parent is in another language; placed under {translated or 'the home page'}"
            )
            parent = translated.specific if translated else self._home(language)
        if accepts(parent.specific_class, model):
            return parent
        index = index_model_for(model)
        if index is not None:
            return self._index_page(index, language)
        for ancestor in reversed(parent.get_ancestors().specific()):
            if accepts(ancestor.specific_class, model):
                return ancestor
        return self._home(language)

    def _index_page(self, model, language):
        if (model, language) not in self.index_pages:
            self.index_pages[model, language] = self._find_or_create_index_page(model, language)
        return self.index_pages[model, language]

    def _find_or_create_index_page(self, model, language):
        home = self._home(language)
        existing = model.objects.child_of(home).first()
        if existing is not None:
            return existing
        with translation.override(language):
            title = str(INDEX_TITLES.get(model._meta.label, capfirst(model._meta.verbose_name)))
        page = model(
            title=title,
            slug=self._unique_slug(home, slugify(title) or "index"),
            locale=self.locales[language],
            translation_key=uuid.uuid5(KEY_NAMESPACE, f"index:{model._meta.label}:{home.translation_key}"),
        )
        home.add_child(instance=page)
        page.save_revision(clean=False).publish(skip_permission_checks=True)
        return page

    def _unique_slug(self, parent, slug, page=None):
        slug = slug[:240] or "page"
        taken = set(
            Page.objects.child_of(parent)
            .filter(slug__startswith=slug)
            .exclude(pk=getattr(page, "pk", None))
            .values_list("slug", flat=True)
        )
        candidate, number = slug, 1
        while candidate in taken:
            number += 1
            candidate = f"{slug}-{number}"
        return candidate

    def _translation_key(self, item, language):
        group = item.translation_group or item.uid
        key = uuid.uuid5(KEY_NAMESPACE, group)
        if (key, language) in self.used_keys:
            # Two items of one translation group in the same language: the second stands alone.
            self.report.note(item, "another item of its translation group is in the same language")
            key = uuid.uuid5(KEY_NAMESPACE, item.uid)
        self.used_keys.add((key, language))
        return key

    def _page(self, item, language, model, key=None, document=None):
        key = key or item.uid
        # What the page is made from: the item, and the type and language it is imported as.
        checksum = _sha256(f"{model._meta.label}:{language}:{item.checksum()}")
        known = self.known.get(key)
        page = None
        if known is not None:
            page = Page.objects.filter(pk=known.object_id).first()
            page = page.specific if page is not None else None
        if page is not None and not isinstance(page, model):
            self.report.note(item, f"kept as the {page._meta.verbose_name} it was imported as")
            model = type(page)
        locale = self.locales[language]
        if page is None and model.max_count_per_parent == 1:
            parent = self._parent_for(item, language, model)
            existing = model.objects.child_of(parent).first()
            if existing is not None:
                # A site has one news index: the folder becomes the one that is there.
                self.pages[item.uid] = existing
                self.targets[item.uid] = Target(PAGE, existing.pk)
                self.report.note(item, f"became the existing {model._meta.verbose_name} “{existing.title}”")
                self.report.count(item, "merged")
                return None
        if page is not None and known.checksum == checksum:
            self.unchanged.add(key)
            self.report.count(item, "unchanged")
        elif page is None:
            parent = self._parent_for(item, language, model)
            page = model(
                slug=self._unique_slug(
                    parent, slugify(item.plone_id.replace(".", "-")) or slugify(item.title)
                ),
                locale=locale,
                translation_key=self._translation_key(item, language),
                live=False,
            )
            self.pending_themes = None
            self._set_fields(item, page, language, document)
            if self.tree_changed:
                parent.refresh_from_db(fields=TREE_FIELDS)
            parent.add_child(instance=page)
            if self.pending_themes is not None:
                page.themes.set(self.pending_themes)  # saved with the page in the last pass
            self.report.count(item, "created")
        else:
            parent = self._parent_for(item, language, type(page))
            self.pending_themes = None
            self._set_fields(item, page, language, document)
            if self.pending_themes is not None:
                page.themes.set(self.pending_themes)
            if self.tree_changed:
                page.refresh_from_db(fields=TREE_FIELDS)
            page.save(clean=False)
            if page.get_parent().pk != parent.pk:
                page = self._move(item, page, parent)
            self.report.count(item, "updated")
        self.pages[item.uid] = page
        self.targets[item.uid] = Target(PAGE, page.pk)
        self.objects[key] = (page, checksum, item)
        return page

    def _move(self, item, page, parent):
        """The item moved in Plone: its page moves too (its old address is among the redirects)."""
        old_place = page.url_path
        parent.refresh_from_db(fields=TREE_FIELDS)
        slug = self._unique_slug(parent, page.slug, page)
        if slug != page.slug:
            page.slug = slug
            page.save(clean=False)
        page.move(parent, pos="last-child")
        # Pages held in memory may now have stale tree fields: they are read again before each write.
        self.tree_changed = True
        page = type(page).objects.get(pk=page.pk)
        self.report.note(item, f"moved from {old_place} to {page.url_path}")
        return page

    def _set_fields(self, item, page, language, document=None):
        title = item.title or item.plone_id
        page.title = page.draft_title = title[:255]
        page.search_description = item.description
        page.owner = self.users.get(item.owner) or page.owner
        summary = (item.description or item.title)[:600]
        names = {f.name for f in page._meta.get_fields()}
        label = page._meta.label
        if label == "publications.NewsPage":
            page.summary = summary
            page.date = timezone.localdate(_aware(item.effective or item.created) or timezone.now())
            if item.image is not None:
                page.image = self._image(item, f"{item.uid}:image", item.image)
        elif label == "publications.EventPage":
            self._event_fields(item, page, summary)
        elif label == "publications.PublicationPage":
            page.summary = summary
            page.publication_type = page.publication_type or self.publication_type
            page.publication_date = timezone.localdate(
                _aware(item.effective or item.created) or timezone.now()
            )
            if document is not None:
                page.files = [PublicationFile(document=document, language=language)]
        elif "intro" in names:
            field_type = page._meta.get_field("intro").get_internal_type()
            page.intro = (
                f"<p>{escape(item.description)}</p>"
                if field_type == "RichTextField" and item.description
                else item.description
            )
        if "themes" in names and item.subjects:
            themes = [self.themes[s.casefold()] for s in item.subjects if s.casefold() in self.themes]
            unknown = [s for s in item.subjects if s.casefold() not in self.themes]
            self.pending_themes = themes
            if unknown:
                self.report.note(item, f"subjects without a matching theme: {', '.join(unknown)}")
        elif item.subjects:
            self.report.note(
                item,
                f"subjects not kept (a {page._meta.verbose_name} has no themes): {', '.join(item.subjects)}",
            )

    def _event_fields(self, item, page, summary):
        if item.start is None:
            raise ItemError(item, "an Event without a start date.")
        zone_name = item.time_zone or self.time_zone or page.time_zone or "UTC"
        try:
            zone = zoneinfo.ZoneInfo(zone_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ItemError(item, f"unknown time zone “{zone_name}”.") from None
        start = item.start if timezone.is_aware(item.start) else timezone.make_aware(item.start, zone)
        end = item.end
        if end is not None and not timezone.is_aware(end):
            end = timezone.make_aware(end, zone)
        if item.whole_day:
            local_start = start.astimezone(zone).date()
            local_end = (end or start).astimezone(zone).date()
            start = datetime.combine(local_start, time.min, tzinfo=zone)
            end = datetime.combine(local_end, time(23, 59), tzinfo=zone)
        if end is None or item.open_end or end <= start:
            end = start + DEFAULT_EVENT_LENGTH
            self.report.note(item, "no end after its start: the event is given one hour")
        page.summary = summary
        page.starts_at, page.ends_at, page.time_zone = start, end, zone_name
        page.venue = item.location[:255]

    def _publication_of_file(self, item, language, model):
        document_target = self.targets.get(item.uid)
        if document_target is None:
            return None
        document = ReportDocument.objects.get(pk=document_target.id)
        container = self.pages.get(item.parent_uid)
        if isinstance(container, PublicationPage):
            # The PDF of a publication that Plone keeps inside the publication's page.
            if not any(file.document_id == document.pk for file in container.files.all()):
                container.files.add(PublicationFile(document=document, language=language))
                self.unchanged.discard(item.parent_uid)  # saved with its new file in the last pass
            return None
        page = self._page(item, language, model, key=f"{item.uid}:page", document=document)
        # Links to the file still go to the file; its path goes to the page.
        self.targets[item.uid] = document_target
        return page

    def _text_and_state(self, item, page, key, rewriter):
        html, unresolved = rewriter.rewrite(item.text, item.path)
        for link in unresolved:
            self.report.unresolved_links.append({"path": item.path, "link": link})
        if key in self.unchanged:
            return
        if self.tree_changed:
            page.refresh_from_db(fields=TREE_FIELDS)
        if "body" in {f.name for f in page._meta.get_fields()}:
            page.body = [("paragraph", RichText(html))] if html and html.strip() else []
        try:
            page.full_clean()
        except ValidationError as error:
            problems = {
                name: messages
                for name, messages in error.message_dict.items()
                if name != "body" or html.strip()
            }
            if problems:
                raise ItemError(item, f"not a valid {page._meta.verbose_name}: {problems}") from None
        owner = self.users.get(item.owner)
        revision = page.save_revision(user=owner, clean=False, log_action=False)
        if item.is_published:
            now = timezone.now()
            page.live = True
            page.has_unpublished_changes = False
            page.live_revision = revision
            page.first_published_at = _aware(item.effective or item.created) or now
            page.last_published_at = _aware(item.modified or item.effective) or now
        else:
            # Private or draft in Plone: a draft here, whatever it was before.
            page.live = False
            page.has_unpublished_changes = True
            page.live_revision = None
        page.save(clean=False)

    # Links and redirects ---------------------------------------------------------------

    def _link(self, item, language, rewriter):
        address = item.remote_url.strip()
        target, internal = rewriter.resolve(address, item.path)
        if target is not None and target.kind == PAGE:
            self._redirect_paths(item, page_id=target.id)
        elif target is not None and target.kind == DOCUMENT:
            self._redirect_paths(item, link=ReportDocument.objects.get(pk=target.id).url)
        elif address and not internal:
            self._redirect_paths(item, link=address)
        else:
            self.report.skip(item, f"its address “{address}” leads nowhere on the new site")
            return
        self.report.count(item, "redirect")

    def _redirects(self, item):
        target = self.targets.get(item.uid)
        if target is None or item.portal_type == "Link":
            return
        if target.kind == PAGE:
            page = self.pages.get(item.uid)
            self._redirect_paths(item, page_id=page.pk if page else target.id)
        elif target.kind == DOCUMENT:
            url = ReportDocument.objects.get(pk=target.id).url
            self._redirect_paths(
                item, link=url, extra=("/@@download/file", f"/@@download/file/{item.blob.filename}")
            )
        # Images are served from storage under signed, short-lived addresses: nothing to redirect to.

    def _redirect_paths(self, item, page_id=None, link="", extra=()):
        paths = [item.path, *item.old_paths]
        paths += [f"{path}{suffix}" for path in list(paths) for suffix in ("/view", *extra)]
        for path in paths:
            old_path = Redirect.normalise_path(path)
            if old_path not in ("", "/"):
                self.wanted_redirects[old_path] = (page_id, link if page_id is None else "")

    # Bookkeeping ------------------------------------------------------------------

    def _uids_by_path(self):
        paths = {}
        for item in self.export.items:
            for path in (*item.old_paths, item.path):
                paths[path] = item.uid
        return paths

    def _theme_index(self):
        default = settings.LANGUAGE_CODE
        sources = {
            theme.translation_key: theme.pk for theme in Theme.objects.filter(locale__language_code=default)
        }
        index = {}
        for theme in Theme.objects.all():
            source = sources.get(theme.translation_key)
            if source:
                index.setdefault(theme.name.casefold(), source)
                index.setdefault(theme.slug.casefold(), source)
        return index

    def _remember(self):
        rows = []
        for key, (obj, checksum, item) in self.objects.items():
            rows.append(
                PloneItem(
                    uid=key,
                    portal_type=item.portal_type,
                    plone_path=item.path[:1000],
                    content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True)
                    if not isinstance(obj, Page)
                    else ContentType.objects.get_for_model(Page),
                    object_id=obj.pk,
                    checksum=checksum,
                    last_run=self.run_record,
                )
            )
        PloneItem.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["uid"],
            update_fields=[
                "portal_type",
                "plone_path",
                "content_type",
                "object_id",
                "checksum",
                "last_run",
                "updated_at",
            ],
            batch_size=500,
        )


def _aware(value):
    """Plone writes some dates without an offset: they are in the site's time zone."""
    if value is None or timezone.is_aware(value):
        return value
    return timezone.make_aware(value, timezone.get_default_timezone())


def _sha1(data):
    return hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's file_hash is a SHA-1


def _sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()
