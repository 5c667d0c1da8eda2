"""API fields of the legal-assistance pages (the form-submission views will go in ``api.py``)."""

from rest_framework import serializers

from django.utils import translation

from home.serializers import page_summary


class FAQsField(serializers.Field):
    """A FAQ StreamField as ``[{"id", "question", "answer"}]``, the answer in the API's rich-text format."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def openapi_schema(self):
        from home.openapi import STRING, array, obj

        return array(obj({"id": STRING, "question": STRING, "answer": STRING}))

    def to_representation(self, stream):
        return [
            {"id": child.id, **child.block.get_api_representation(child.value, self.context)}
            for child in stream
            if child.block_type == "faq"
        ]


class ChoiceLabelField(serializers.Field):
    """The label of a choice in the language of the page, e.g. "Arrest and detention" for ``arrest_and_detention``."""

    def __init__(self, choices, **kwargs):
        self.labels = dict(choices.choices)
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def openapi_schema(self):
        from home.openapi import STRING, nullable

        return nullable(STRING)

    def get_attribute(self, instance):
        self._language = instance.locale.language_code
        return super().get_attribute(instance)

    def to_representation(self, value):
        label = self.labels.get(value)
        if label is None:
            return None
        with translation.override(self._language):
            return str(label)


class RequestFormField(serializers.Field):
    """Where to ask for legal assistance: ``{"id", "title", "url", "type"}`` of the form page, or an external URL.

    The form page is given in the locale of the page being serialised when
    it has a live translation there. When it is not live (or not public),
    the external URL is given as ``{"id": null, "title": null, "url": ..., "type": null}``,
    and when neither is set, null.
    """

    def __init__(self, *, page_attribute, url_attribute, **kwargs):
        self.page_attribute = page_attribute
        self.url_attribute = url_attribute
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def openapi_schema(self):
        from home.openapi import INTEGER, STRING, nullable, obj

        return nullable(
            obj({"id": nullable(INTEGER), "title": nullable(STRING), "url": STRING, "type": nullable(STRING)})
        )

    def to_representation(self, instance):
        target = getattr(instance, self.page_attribute)
        if target is not None and target.live and not target.get_view_restrictions().exists():
            return page_summary(target, instance.locale)
        url = getattr(instance, self.url_attribute)
        if url:
            return {"id": None, "title": None, "url": url, "type": None}
        return None
