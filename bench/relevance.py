"""Relevance of /api/v2/search/ on judged questions: precision and recall in the first ten results.

The corpus is real: the demo (pages in en/fr/rw, Rwanda's 2011 review with its report), the UPR Info
rows of eight more states (Burundi, Kenya, Slovenia, France, Egypt, Uganda, Sri Lanka, the Democratic
Republic of Congo: a few thousand recommendations), the twelve PDFs of ../shared/data/pdfs and the
Universal Declaration in English, French and Kinyarwanda, each PDF a live publication of its language.

Each question says which items answer it by a rule over the data, written before looking at any
answer of the search and independent of it:
- recommendations by UPR Info's own classification (the ``Issue`` column, kept as the themes), of one
  state or of all, or by a pattern over their English text (e.g. ``genital mutilation|FGM``);
- publications by the PDF they hold; pages by their slug, in the question's language.
A question about a state counts only that state's recommendations; a French or Kinyarwanda question
on recommendations has the same answers as its English twin (the rows are in English).

Printed per question and per kind of question: hits in the first ten, p@10 (hits over the smaller of
ten and the number of answers: 1.0 when the first ten are all answers, or all the answers are there)
and recall@10 (hits over the number of answers); then the means, for each way of searching in the
same run: "all words" (every word must match, as before the search widened) and "as today".
On a throw-away PostgreSQL database (bench/support.py); BENCH_DATABASE=name keeps the corpus.
"""

import csv
import hashlib
import io
import os
import re
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("TASKS_BACKEND", "immediate")  # every entry indexed before the questions

from support import SHARED_DATA, create_database, database_exists, drop_database, migrate, setup_django

STATES = (
    "Burundi",
    "Kenya",
    "Slovenia",
    "France",
    "Egypt",
    "Uganda",
    "Sri Lanka",
    "Democratic Republic of Congo",
)
UDHR = {"en": "udhr-en.pdf", "fr": "udhr-fr.pdf", "rw": "udhr-rw.pdf"}


@dataclass
class Question:
    kind: str
    q: str
    locale: str = "en"
    state: str | None = None  # ISO alpha-3: only this state's recommendations answer
    issue: str | None = None  # a UPR Info issue name
    text: str | None = None  # a pattern over a recommendation's English text
    pdfs: tuple = ()  # the publications holding these PDFs
    pages: tuple = ()  # (slug, language) of pages
    answers: set = field(default_factory=set)


QUESTIONS = [
    # Short recommendations among long documents that contain the words many times.
    Question("recommendations", "death penalty Kenya", state="KEN", issue="Death penalty"),
    Question("recommendations", "torture Burundi", state="BDI", issue="Torture and other CID treatment"),
    Question("recommendations", "women's rights Egypt", state="EGY", issue="Women's rights"),
    Question("recommendations", "rights of the child Slovenia", state="SVN", issue="Rights of the Child"),
    Question("recommendations", "freedom of the press Rwanda", state="RWA", issue="Freedom of the press"),
    Question(
        "recommendations", "human rights defenders Burundi", state="BDI", issue="Human rights defenders"
    ),
    Question("recommendations", "Roma Slovenia", state="SVN", text=r"\bRoma\b"),
    Question("recommendations", "genocide ideology Rwanda", state="RWA", text=r"genocide ideology"),
    Question("recommendations", "female genital mutilation", text=r"genital mutilation|\bFGM\b"),
    Question("recommendations", "trafficking Egypt", state="EGY", issue="Trafficking"),
    Question("recommendations", "Paris Principles", text=r"Paris Principles"),
    Question("recommendations", "death penalty Uganda", state="UGA", text=r"death penalty"),
    Question("recommendations", "domestic violence France", state="FRA", text=r"domestic violence"),
    Question(
        "recommendations", "enforced disappearances Sri Lanka", state="LKA", issue="Enforced disappearances"
    ),
    Question("recommendations", "sexual violence Congo", state="COD", text=r"sexual violence"),
    # Natural questions: most answers hold only some of the words.
    Question(
        "natural",
        "how to protect journalists from attacks",
        text=r"journalist.*(attack|violence|protect|harass|intimidat|safety)|"
        r"(attack|violence|protect|harass|intimidat|safety).*journalist",
    ),
    Question(
        "natural",
        "ratify the optional protocol against torture",
        text=r"Optional Protocol to the Convention against Torture|OP-?CAT",
    ),
    Question(
        "natural",
        "abolish the death penalty completely",
        text=r"abolish\w*.*death penalty|death penalty.*abolish",
    ),
    Question(
        "natural",
        "decriminalise homosexuality in Uganda",
        state="UGA",
        text=r"homosexual|sexual orientation",
    ),
    Question(
        "natural",
        "stop killings by the police in Kenya",
        state="KEN",
        text=r"extrajudicial|killings? by (the )?police|police killings?",
    ),
    # Spelling and typing.
    Question("typos", "jounalists Rwanda", state="RWA", text=r"journalist"),
    Question("typos", "genocde ideology", text=r"genocide ideology"),
    Question("typos", "deth penalty Kenya", state="KEN", issue="Death penalty"),
    Question("typos", "torure Burundi", state="BDI", issue="Torture and other CID treatment"),
    Question("prefix", "genoc", text=r"genocid"),
    Question("prefix", "traffick", issue="Trafficking"),
    Question("prefix", "disabil", issue="Disabilities"),
    # Another language than the rows'.
    Question("cross-language", "peine de mort Kenya", locale="fr", state="KEN", issue="Death penalty"),
    Question(
        "cross-language", "liberté d'expression", locale="fr", issue="Freedom of opinion and expression"
    ),
    Question(
        "cross-language", "droits de l'enfant Slovénie", locale="fr", state="SVN", issue="Rights of the Child"
    ),
    Question("cross-language", "journalistes Rwanda", locale="fr", state="RWA", text=r"journalist"),
    Question("cross-language", "arrêté", locale="en", pages=(("if-you-are-arrested", "en"),)),
    Question(
        "cross-language", "torture Burundi", locale="fr", state="BDI", issue="Torture and other CID treatment"
    ),
    # Kinyarwanda: a plural finds a singular; pages and the Declaration in Kinyarwanda.
    Question("kinyarwanda", "abanyamakuru", locale="rw", pages=(("journalists-trained-in-huye", "rw"),)),
    Question("kinyarwanda", "umunyamakuru", locale="rw", pages=(("journalists-trained-in-huye", "rw"),)),
    Question("kinyarwanda", "umunyamategeko", locale="rw", pages=(("if-you-are-arrested", "rw"),)),
    Question("kinyarwanda", "uburenganzira bwa muntu itangazo", locale="rw", pdfs=(UDHR["rw"],)),
    # Documents.
    Question("documents", "Rwanda working group report 2011", pdfs=("rwanda2011.pdf",)),
    Question("documents", "national report Slovenia", pdfs=("g2420070.pdf",)),
    Question("documents", "summary of stakeholders submissions Slovenia", pdfs=("g2420410.pdf",)),
    Question("documents", "beyond promises impact of the UPR on the ground", pdfs=("beyond-promises.pdf",)),
    Question(
        "documents",
        "issue categorisation of the UPR Info database",
        pdfs=("Database_Issues_explanation.pdf",),
    ),
    Question("documents", "universal declaration of human rights", pdfs=(UDHR["en"],)),
    Question("documents", "déclaration universelle des droits de l'homme", locale="fr", pdfs=(UDHR["fr"],)),
    Question(
        "documents",
        "links between first and second cycle recommendations",
        pdfs=("Starging all over again.pdf",),
    ),
    # Pages.
    Question("pages", "lawyer detention", pages=(("if-you-are-arrested", "en"),)),
    Question("pages", "si je suis arrêté", locale="fr", pages=(("if-you-are-arrested", "fr"),)),
    Question("pages", "journalists trained in Huye", pages=(("journalists-trained-in-huye", "en"),)),
    Question("pages", "workshop mid-term report", pages=(("workshop-mid-term-report", "en"),)),
    Question("pages", "how the UPR works video", pages=(("how-the-upr-works", "en"),)),
]


def main():
    keep = os.environ.get("BENCH_DATABASE")
    database = keep or create_database("cms_bench_relevance")
    fresh = not keep or not database_exists(database)
    if keep and fresh:
        create_database(name=database)
    try:
        setup_django(database)
        if fresh:
            migrate()
            build_corpus()
        judge_all()
    finally:
        from django.db import connections

        connections.close_all()
        if not keep:
            drop_database(database)


def build_corpus():
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    from wagtail.models import Locale

    from publications.factories import (
        PublicationFileFactory,
        PublicationIndexPageFactory,
        PublicationPageFactory,
        ReportDocumentFactory,
    )
    from publications.models import PublicationIndexPage
    from upr.importers.service import import_recommendations

    call_command("load_demo", stdout=io.StringIO())
    source = SHARED_DATA / "upr-info" / "recommendations-2008-2014.csv"
    with open(source, encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        rows = [row for row in reader if row["To"] in STATES]
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=reader.fieldnames)
        writer.writeheader()
        writer.writerows(rows)
    import_recommendations(io.BytesIO(out.getvalue().encode()), filename="eight-states.csv")
    print(f"corpus: {len(rows)} UPR Info rows of {len(STATES)} states, besides the demo's")

    english = PublicationIndexPage.objects.get(locale__language_code="en")
    shelves = {"en": english}
    for code in ("fr", "rw"):
        shelves[code] = PublicationIndexPage.objects.filter(locale__language_code=code).first()
        if shelves[code] is None:
            shelves[code] = PublicationIndexPageFactory(
                parent=english.get_parent().get_translation(Locale.objects.get(language_code=code))
            )
    with open(SHARED_DATA / "pdfs" / "index.csv", encoding="utf-8", newline="") as file:
        pdfs = [
            (row["file"], row["title"], "en", SHARED_DATA / "pdfs" / row["file"])
            for row in csv.DictReader(file)
        ]
    titles = {
        "en": "Universal Declaration of Human Rights",
        "fr": "Déclaration universelle des droits de l’homme",
        "rw": "Itangazo mpuzamahanga ry’uburenganzira bwa muntu",
    }
    pdfs += [(name, titles[code], code, SHARED_DATA / "udhr" / name) for code, name in UDHR.items()]
    for name, title, code, path in pdfs:
        page = PublicationPageFactory(parent=shelves[code], title=title[:250], summary=title[:600])
        document = ReportDocumentFactory(
            title=name, language=code, file=ContentFile(path.read_bytes(), name=name)
        )
        PublicationFileFactory(page=page, document=document, language=code)
        page.save_revision().publish()
    print(f"corpus: {len(pdfs)} PDFs as publications")


def answers(question):
    """The items that answer ``question``, by its rule over the data: {("recommendation", id) | ("page", id)}."""
    from wagtail.models import Page

    from publications.models import PublicationFile
    from upr.models import Recommendation

    found = set()
    if question.issue or question.text:
        recommendations = Recommendation.objects.filter(is_original=True)
        if question.state:
            recommendations = recommendations.filter(state_under_review__iso3=question.state)
        if question.issue:
            recommendations = recommendations.filter(themes__name=question.issue)
        pattern = re.compile(question.text, re.IGNORECASE) if question.text else None
        for pk, text in recommendations.values_list("pk", "text").distinct():
            if pattern is None or pattern.search(text):
                found.add(("recommendation", pk))
    for name in question.pdfs:
        digest = _digest((SHARED_DATA / ("udhr" if name in UDHR.values() else "pdfs") / name).read_bytes())
        for row in PublicationFile.objects.select_related("document", "page"):
            if row.page.live and _stored_digest(row.document) == digest:
                found.add(("page", row.page_id))
    for slug, language in question.pages:
        page = Page.objects.get(slug=slug, locale__language_code=language)
        found.add(("page", page.pk))
    return found


def _digest(data):
    return hashlib.sha256(data).hexdigest()


_digests = {}


def _stored_digest(document):
    """The publication holds the PDF when its file has the same bytes (the demo's report included)."""
    if document.pk not in _digests:
        with document.file.open("rb") as file:
            _digests[document.pk] = _digest(file.read())
    return _digests[document.pk]


def first_ten(client, question):
    response = client.get(
        "/api/v2/search/", {"q": question.q, "locale": question.locale, "limit": 10, "facets": "none"}
    )
    assert response.status_code == 200, (question.q, response.status_code, response.content[:300])
    items = []
    for item in response.json()["items"]:
        if item["type"] == "recommendation":
            items.append(("recommendation", (item.get("recommendation") or {}).get("id")))
        else:
            items.append(("page", (item.get("page") or {}).get("id")))
    return items


def judge(client, questions):
    results = []
    for question in questions:
        top = first_ten(client, question)
        hits = sum(1 for item in top if item in question.answers)
        relevant = len(question.answers)
        results.append(
            {
                "question": question,
                "hits": hits,
                "p10": hits / min(10, relevant) if relevant else 0.0,
                "r10": hits / relevant if relevant else 0.0,
            }
        )
    return results


def judge_all():
    from django.test import Client, override_settings

    import search.query

    questions = QUESTIONS
    for question in questions:
        question.answers = answers(question)
    empty = [question.q for question in questions if not question.answers]
    assert not empty, f"questions without an answer in the corpus: {empty}"
    print(f"{len(questions)} questions, {sum(len(q.answers) for q in questions)} judged answers")

    client = Client()
    runs = {}
    with override_settings(API_CACHE_SERVER_SECONDS=0):
        widen = search.query.WIDEN_BELOW
        search.query.WIDEN_BELOW = 0
        runs["all words"] = judge(client, questions)
        search.query.WIDEN_BELOW = widen
        runs["as today"] = judge(client, questions)

    names = list(runs)
    print(f"\n{'kind':<15} {'question':<48} {'answers':>7}  " + "  ".join(f"{n:>17}" for n in names))
    for index, question in enumerate(questions):
        cells = "  ".join(
            f"{runs[n][index]['hits']:>2} p{runs[n][index]['p10']:.2f} r{runs[n][index]['r10']:.2f}"
            for n in names
        )
        print(f"{question.kind:<15} {question.q[:48]:<48} {len(question.answers):>7}  {cells}")
    print(
        f"\n{'kind':<15} {'questions':>9}  "
        + "  ".join(f"{n + ' p@10':>14} {n + ' r@10':>14}" for n in names)
    )
    kinds = list(dict.fromkeys(question.kind for question in questions))
    for kind in [*kinds, "all"]:
        rows = {n: [r for r in runs[n] if kind == "all" or r["question"].kind == kind] for n in names}
        cells = "  ".join(
            f"{statistics.mean(r['p10'] for r in rows[n]):>14.2f} {statistics.mean(r['r10'] for r in rows[n]):>14.2f}"
            for n in names
        )
        print(f"{kind:<15} {len(rows[names[0]]):>9}  {cells}")


if __name__ == "__main__":
    main()
