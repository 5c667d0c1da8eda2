"""What the publications tests share: the admin's form of a news item."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def news_form(page, **changes):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": page.date.isoformat(),
            "summary": page.summary,
            "office": "",
            "body": streamfield([]),
            "countries": [],
            "themes": [],
            "comments": inline_formset([]),
            **changes,
        }
    )
