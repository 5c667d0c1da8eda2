import datetime

import factory
import wagtail_factories

from wagtail.rich_text import RichText

from legal_aid.blocks import FAQBlock, FAQStreamBlock
from legal_aid.models import (
    HotlineContact,
    LegalAidIndexPage,
    LegalAidRequestPage,
    LegalInformationPage,
    Topic,
)


class FAQBlockFactory(wagtail_factories.StructBlockFactory):
    """A question and its answer; the answer may be given as an HTML string."""

    question = factory.Sequence(lambda n: f"Question {n}?")
    answer = factory.Sequence(lambda n: f"<p>Answer {n}.</p>")

    class Meta:
        model = FAQBlock

    @classmethod
    def _construct_struct_value(cls, block_class, params):
        if isinstance(params.get("answer"), str):
            params = {**params, "answer": RichText(params["answer"])}
        return super()._construct_struct_value(block_class, params)


class FAQStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    faq = factory.SubFactory(FAQBlockFactory)

    class Meta:
        model = FAQStreamBlock


class LegalAidIndexPageFactory(wagtail_factories.PageFactory):
    title = "Legal assistance"
    intro = "Free legal help for journalists and other media workers."

    class Meta:
        model = LegalAidIndexPage


class HotlineContactFactory(factory.django.DjangoModelFactory):
    """A hotline of ``page`` (a LegalAidIndexPage, required)."""

    label = factory.Sequence(lambda n: f"Legal hotline {n}")
    phone = "+250 788 000 000"
    messaging_number = "+250 788 000 001"
    email = "help@example.org"
    hours = "Monday to Friday, 8:00–17:00 (Kigali)"
    available_24_7 = False

    class Meta:
        model = HotlineContact


class LegalInformationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Legal information {n}")
    summary = "What the law says, and what to do."
    topic = Topic.JOURNALISTS_RIGHTS
    last_reviewed = factory.LazyFunction(datetime.date.today)
    faqs = wagtail_factories.StreamFieldFactory(FAQStreamBlockFactory)

    class Meta:
        model = LegalInformationPage


class LegalAidRequestPageFactory(wagtail_factories.PageFactory):
    """A request form page; it gets the core fields when it is first saved."""

    title = "Ask for legal assistance"
    intro = "Tell us what happened. Only our legal team reads it."

    class Meta:
        model = LegalAidRequestPage


def sample_answers(**changes):
    """Answers to the core fields of the request form, as the form cleans them."""
    answers = {
        "name": "Jean Mugisha",
        "contact_method": "signal",
        "contact": "+250 788 555 010",
        "media_outlet": "Umuseke",
        "country": "Rwanda",
        "problem_type": "equipment_seizure",
        "incident_date": datetime.date(2026, 10, 3).isoformat(),
        "description": "Soldiers seized my camera at a checkpoint near Musanze.",
        "urgency": "days",
        "preferred_language": "rw",
        "consent": True,
    }
    answers.update(changes)
    return answers


def make_case(page=None, language="en", files=(), notify=True, **changes):
    """A request stored as the API stores it (encrypted); returns (case, status secret).

    ``files`` are (name, content type, bytes).
    """
    from legal_aid.services import Upload, submit_request

    uploads = [Upload(name=name, content_type=content_type, data=data) for name, content_type, data in files]
    submitted = submit_request(page, language, sample_answers(**changes), uploads, notify=notify)
    return submitted.case, submitted.secret
