"""Old Plone addresses as Wagtail redirects, written in a few queries whatever their number."""

from wagtail.contrib.redirects.models import Redirect

BATCH_SIZE = 500


def write_redirects(site, wanted):
    """Create the redirects of ``wanted`` (old path -> (page id, link)) that are missing, correct the others.

    Returns how many redirects the import stands for.
    """
    existing = {
        redirect.old_path: redirect
        for old_paths in _chunks(list(wanted), BATCH_SIZE)
        for redirect in Redirect.objects.filter(site=site, old_path__in=old_paths)
    }
    to_create, to_update = [], []
    for old_path, (page_id, link) in wanted.items():
        redirect = existing.get(old_path)
        if redirect is None:
            to_create.append(
                Redirect(
                    site=site,
                    old_path=old_path,
                    redirect_page_id=page_id,
                    redirect_link=link,
                    is_permanent=True,
                )
            )
        elif (redirect.redirect_page_id, redirect.redirect_link, redirect.is_permanent) != (
            page_id,
            link,
            True,
        ):
            redirect.redirect_page_id, redirect.redirect_link, redirect.is_permanent = page_id, link, True
            to_update.append(redirect)
    Redirect.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    Redirect.objects.bulk_update(
        to_update, ["redirect_page", "redirect_link", "is_permanent"], batch_size=BATCH_SIZE
    )
    return len(wanted)


def _chunks(values, size):
    for start in range(0, len(values), size):
        yield values[start : start + size]
