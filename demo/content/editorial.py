"""The editorial demo content: programmes, a publication with its PDF, a video, news, an event, a newsletter,
legal-assistance pages; English, with complete French and Kinyarwanda translations.

Each page is given by its slug, its fields, and its translations (source string -> translated string):
every text of a page (title, summary, intro, each paragraph, each question and answer...) has its translation
in each language, so that nothing of a French or Kinyarwanda page stays in English.
"""

import datetime
from pathlib import Path

REPORT_PDF = Path(__file__).parent / "rwanda-2011-working-group-report.pdf"
REPORT_TITLE = "Report of the Working Group on the Universal Periodic Review: Rwanda (A/HRC/17/4)"


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


PROGRAMME_INDEX = {
    "slug": "programmes",
    "fields": {
        "title": "Programmes",
        "intro": "How we help civil society, journalists and lawyers use the Universal Periodic Review.",
    },
    "translations": {
        "fr": {
            "Programmes": "Programmes",
            "How we help civil society, journalists and lawyers use the Universal Periodic Review.": (
                "Comment nous aidons la société civile, les journalistes et les juristes à utiliser l’Examen "
                "périodique universel."
            ),
        },
        "rw": {
            "Programmes": "Gahunda",
            "How we help civil society, journalists and lawyers use the Universal Periodic Review.": (
                "Uko dufasha sosiyete sivile, abanyamakuru n’abanyamategeko gukoresha Isuzuma Ngarukagihe Rusange."
            ),
        },
    },
}

# kind slug -> the description the demo gives the default kind (programmes.kinds seeds it without one)
PROGRAMME_KIND_DESCRIPTIONS = {
    "policy-and-advocacy": (
        "Advocacy with governments and at the Human Rights Council, so that recommendations are made and acted on."
    ),
    "in-country": (
        "Work in the country under review: following up the recommendations with civil society and the authorities."
    ),
    "stakeholders": "Support to the civil society organisations that report to the review.",
    "capacity-building": "Training for journalists, lawyers and human rights defenders.",
    "legal-protection-of-journalists": (
        "Legal assistance to media practitioners who are arrested, sued or threatened."
    ),
}
# The kinds' names are translated by programmes.kinds; their descriptions here.
PROGRAMME_KIND_TRANSLATIONS = {
    "fr": {
        PROGRAMME_KIND_DESCRIPTIONS["policy-and-advocacy"]: (
            "Plaidoyer auprès des gouvernements et au Conseil des droits de l’homme, pour que des "
            "recommandations soient formulées et mises en œuvre."
        ),
        PROGRAMME_KIND_DESCRIPTIONS["in-country"]: (
            "Travail dans le pays examiné : suivi des recommandations avec la société civile et les autorités."
        ),
        PROGRAMME_KIND_DESCRIPTIONS["stakeholders"]: (
            "Appui aux organisations de la société civile qui contribuent à l’examen."
        ),
        PROGRAMME_KIND_DESCRIPTIONS["capacity-building"]: (
            "Formations pour journalistes, avocats et défenseurs des droits humains."
        ),
        PROGRAMME_KIND_DESCRIPTIONS["legal-protection-of-journalists"]: (
            "Assistance juridique aux professionnels des médias arrêtés, poursuivis ou menacés."
        ),
    },
    "rw": {
        PROGRAMME_KIND_DESCRIPTIONS["policy-and-advocacy"]: (
            "Ubuvugizi kuri za Guverinoma no mu Kanama gashinzwe Uburenganzira bwa Muntu, kugira ngo inama "
            "zitangwe kandi zishyirwe mu bikorwa."
        ),
        PROGRAMME_KIND_DESCRIPTIONS["in-country"]: (
            "Ibikorwa mu gihugu gisuzumwa: gukurikirana ishyirwa mu bikorwa ry’inama dufatanyije na Sosiyete "
            "Sivile n’inzego za Leta."
        ),
        PROGRAMME_KIND_DESCRIPTIONS["stakeholders"]: (
            "Gufasha imiryango ya Sosiyete Sivile itanga raporo mu isuzuma."
        ),
        PROGRAMME_KIND_DESCRIPTIONS["capacity-building"]: (
            "Amahugurwa y’abanyamakuru, abanyamategeko n’abaharanira uburenganzira bwa muntu."
        ),
        PROGRAMME_KIND_DESCRIPTIONS["legal-protection-of-journalists"]: (
            "Ubufasha mu by’amategeko ku banyamakuru batawe muri yombi, barezwe cyangwa batewe ubwoba."
        ),
    },
}

# kind slug -> programme
PROGRAMMES = [
    {
        "kind": "policy-and-advocacy",
        "slug": "advocacy-at-the-human-rights-council",
        "fields": {
            "title": "Advocacy at the Human Rights Council",
            "summary": "We bring the voice of national civil society to the pre-sessions in Geneva.",
            "body": [
                paragraph("Before each review, we help coalitions brief the permanent missions in Geneva.")
            ],
        },
        "translations": {
            "fr": {
                "Advocacy at the Human Rights Council": "Plaidoyer au Conseil des droits de l’homme",
                "We bring the voice of national civil society to the pre-sessions in Geneva.": (
                    "Nous portons la voix de la société civile nationale aux pré-sessions à Genève."
                ),
                "Before each review, we help coalitions brief the permanent missions in Geneva.": (
                    "Avant chaque examen, nous aidons les coalitions à informer les missions permanentes à Genève."
                ),
            },
            "rw": {
                "Advocacy at the Human Rights Council": "Ubuvugizi mu Kanama gashinzwe Uburenganzira bwa Muntu",
                "We bring the voice of national civil society to the pre-sessions in Geneva.": (
                    "Tugeza ijwi rya Sosiyete Sivile y’igihugu mu biganiro bibanziriza isuzuma bibera i Genève."
                ),
                "Before each review, we help coalitions brief the permanent missions in Geneva.": (
                    "Mbere ya buri suzuma, dufasha amahuriro ya Sosiyete Sivile kugeza amakuru ku ntumwa "
                    "zihoraho z’ibihugu i Genève."
                ),
            },
        },
    },
    {
        "kind": "in-country",
        "slug": "implementation-in-rwanda",
        "fields": {
            "title": "Implementation in Rwanda",
            "summary": "With the Rwanda Civil Society Platform we follow up the recommendations Rwanda supported.",
            "body": [
                paragraph("Mid-term assessments, implementation plans and dialogue with the government.")
            ],
        },
        "translations": {
            "fr": {
                "Implementation in Rwanda": "Mise en œuvre au Rwanda",
                "With the Rwanda Civil Society Platform we follow up the recommendations Rwanda supported.": (
                    "Avec la Plateforme de la société civile rwandaise, nous suivons les recommandations "
                    "acceptées par le Rwanda."
                ),
                "Mid-term assessments, implementation plans and dialogue with the government.": (
                    "Évaluations à mi-parcours, plans de mise en œuvre et dialogue avec le gouvernement."
                ),
            },
            "rw": {
                "Implementation in Rwanda": "Ishyirwa mu bikorwa mu Rwanda",
                "With the Rwanda Civil Society Platform we follow up the recommendations Rwanda supported.": (
                    "Dufatanyije n’Urugaga rwa Sosiyete Sivile mu Rwanda, dukurikirana ishyirwa mu bikorwa "
                    "ry’inama u Rwanda rwemeye."
                ),
                "Mid-term assessments, implementation plans and dialogue with the government.": (
                    "Amasuzuma yo hagati mu gihe, gahunda z’ishyirwa mu bikorwa n’ibiganiro na Guverinoma."
                ),
            },
        },
    },
    {
        "kind": "stakeholders",
        "slug": "stakeholder-reports",
        "fields": {
            "title": "Stakeholder reports",
            "summary": "We train coalitions to write the joint submissions the UN reads before a review.",
            "body": [paragraph("Drafting workshops, fact-checking and the deadlines of each session.")],
        },
        "translations": {
            "fr": {
                "Stakeholder reports": "Rapports des parties prenantes",
                "We train coalitions to write the joint submissions the UN reads before a review.": (
                    "Nous formons les coalitions à rédiger les contributions conjointes que l’ONU lit avant "
                    "un examen."
                ),
                "Drafting workshops, fact-checking and the deadlines of each session.": (
                    "Ateliers de rédaction, vérification des faits et calendrier de chaque session."
                ),
            },
            "rw": {
                "Stakeholder reports": "Raporo z’abafatanyabikorwa",
                "We train coalitions to write the joint submissions the UN reads before a review.": (
                    "Duhugura amahuriro ya Sosiyete Sivile kwandika raporo zihuriweho Umuryango w’Abibumbye "
                    "usoma mbere y’isuzuma."
                ),
                "Drafting workshops, fact-checking and the deadlines of each session.": (
                    "Amahugurwa yo kwandika raporo, igenzura ry’amakuru n’igihe ntarengwa cya buri cyiciro "
                    "cy’isuzuma."
                ),
            },
        },
    },
    {
        "kind": "capacity-building",
        "slug": "training-journalists",
        "fields": {
            "title": "Training journalists on the UPR",
            "summary": "Workshops and videos so that journalists can report on their state's review.",
            "body": [paragraph("Each year we train journalists from the five provinces.")],
        },
        "translations": {
            "fr": {
                "Training journalists on the UPR": "Former les journalistes à l’EPU",
                "Workshops and videos so that journalists can report on their state's review.": (
                    "Ateliers et vidéos pour que les journalistes puissent couvrir l’examen de leur État."
                ),
                "Each year we train journalists from the five provinces.": (
                    "Chaque année, nous formons des journalistes des cinq provinces."
                ),
            },
            "rw": {
                "Training journalists on the UPR": "Guhugura abanyamakuru ku Isuzuma Ngarukagihe Rusange",
                "Workshops and videos so that journalists can report on their state's review.": (
                    "Amahugurwa n’amashusho kugira ngo abanyamakuru bashobore gutara no gutangaza amakuru "
                    "ku isuzuma ry’igihugu cyabo."
                ),
                "Each year we train journalists from the five provinces.": (
                    "Buri mwaka duhugura abanyamakuru baturutse mu ntara eshanu."
                ),
            },
        },
    },
    {
        "kind": "legal-protection-of-journalists",
        "slug": "legal-protection-of-journalists",
        "fields": {
            "title": "Legal protection of journalists",
            "summary": "Lawyers who answer when a journalist is arrested, sued or threatened.",
            "body": [paragraph("Our network of lawyers assists media practitioners free of charge.")],
        },
        "translations": {
            "fr": {
                "Legal protection of journalists": "Protection juridique des journalistes",
                "Lawyers who answer when a journalist is arrested, sued or threatened.": (
                    "Des avocats qui répondent quand un journaliste est arrêté, poursuivi ou menacé."
                ),
                "Our network of lawyers assists media practitioners free of charge.": (
                    "Notre réseau d’avocats assiste gratuitement les professionnels des médias."
                ),
            },
            "rw": {
                "Legal protection of journalists": "Kurengera abanyamakuru mu by’amategeko",
                "Lawyers who answer when a journalist is arrested, sued or threatened.": (
                    "Abanyamategeko batabara igihe umunyamakuru atawe muri yombi, arezwe mu rukiko cyangwa "
                    "atewe ubwoba."
                ),
                "Our network of lawyers assists media practitioners free of charge.": (
                    "Ihuriro ryacu ry’abanyamategeko rifasha abakora umwuga w’itangazamakuru ku buntu."
                ),
            },
        },
    },
]

VIDEO_INDEX = {
    "slug": "training-videos",
    "fields": {"title": "Training videos", "intro": "Short videos on the Universal Periodic Review."},
    "translations": {
        "fr": {
            "Training videos": "Vidéos de formation",
            "Short videos on the Universal Periodic Review.": "De courtes vidéos sur l’Examen périodique universel.",
        },
        "rw": {
            "Training videos": "Amashusho y’amahugurwa",
            "Short videos on the Universal Periodic Review.": "Amashusho magufi ku Isuzuma Ngarukagihe Rusange.",
        },
    },
}

VIDEO = {
    "slug": "how-the-upr-works",
    "fields": {
        "title": "How the Universal Periodic Review works",
        # A placeholder address in YouTube's form: editors replace it with the organisation's own video.
        "video_url": "https://www.youtube.com/watch?v=K8mUXrQ0x9A",
        "duration": datetime.timedelta(minutes=4, seconds=12),
        "language": "en",
        "transcript": "<p>Every state's human rights record is reviewed by its peers every four and a half years.</p>",
    },
    "translations": {
        "fr": {
            "How the Universal Periodic Review works": "Comment fonctionne l’Examen périodique universel",
            "Every state's human rights record is reviewed by its peers every four and a half years.": (
                "La situation des droits humains de chaque État est examinée par ses pairs tous les quatre ans "
                "et demi."
            ),
        },
        "rw": {
            "How the Universal Periodic Review works": "Uko Isuzuma Ngarukagihe Rusange rikorwa",
            "Every state's human rights record is reviewed by its peers every four and a half years.": (
                "Buri myaka ine n’igice, uko buri gihugu cyubahiriza uburenganzira bwa muntu gisuzumwa "
                "n’ibindi bihugu."
            ),
        },
    },
}

PUBLICATION_INDEX = {
    "slug": "publications",
    "fields": {"title": "Publications", "intro": "<p>Reports, assessments and newsletters.</p>"},
    "translations": {
        "fr": {
            "Publications": "Publications",
            "Reports, assessments and newsletters.": "Rapports, évaluations et lettres d’information.",
        },
        "rw": {
            "Publications": "Inyandiko",
            "Reports, assessments and newsletters.": "Raporo, amasuzuma n’inzandiko z’amakuru.",
        },
    },
}

PUBLICATION = {
    "slug": "rwanda-working-group-report-2011",
    "fields": {
        "title": "Rwanda: report of the Working Group (2011)",
        "publication_type": "upr_report",
        "publication_date": datetime.date(2011, 3, 14),
        "summary": (
            "The report of Rwanda's first review: the 73 recommendations made by 40 states and the answers "
            "Rwanda gave."
        ),
    },
    "translations": {
        "fr": {
            "Rwanda: report of the Working Group (2011)": "Rwanda : rapport du Groupe de travail (2011)",
            (
                "The report of Rwanda's first review: the 73 recommendations made by 40 states and the answers "
                "Rwanda gave."
            ): (
                "Le rapport du premier examen du Rwanda : les 73 recommandations faites par 40 États et les "
                "réponses du Rwanda."
            ),
        },
        "rw": {
            "Rwanda: report of the Working Group (2011)": "U Rwanda: raporo y’Itsinda ry’Akazi (2011)",
            (
                "The report of Rwanda's first review: the 73 recommendations made by 40 states and the answers "
                "Rwanda gave."
            ): (
                "Raporo y’isuzuma rya mbere ry’u Rwanda: inama 73 zatanzwe n’ibihugu 40 n’ibisubizo u Rwanda "
                "rwatanze."
            ),
        },
    },
}

NEWS_INDEX = {
    "slug": "news",
    "fields": {"title": "News", "intro": "News from our offices and partners."},
    "translations": {
        "fr": {
            "News": "Actualités",
            "News from our offices and partners.": "Les nouvelles de nos bureaux et partenaires.",
        },
        "rw": {
            "News": "Amakuru",
            "News from our offices and partners.": "Amakuru aturuka mu biro byacu no ku bafatanyabikorwa bacu.",
        },
    },
}

NEWS = {
    "slug": "journalists-trained-in-huye",
    "fields": {
        "title": "Twenty journalists trained in Huye",
        "date": datetime.date(2025, 3, 14),
        "office": "Southern Province office",
        "summary": "Two days to learn how to follow Rwanda's review and report on it.",
        "body": [
            paragraph("Journalists from community radios learned to read the recommendations database.")
        ],
    },
    "translations": {
        "fr": {
            "Twenty journalists trained in Huye": "Vingt journalistes formés à Huye",
            "Two days to learn how to follow Rwanda's review and report on it.": (
                "Deux jours pour apprendre à suivre l’examen du Rwanda et en rendre compte."
            ),
            "Southern Province office": "Bureau de la Province du Sud",
            "Journalists from community radios learned to read the recommendations database.": (
                "Des journalistes de radios communautaires ont appris à consulter la base de données des "
                "recommandations."
            ),
        },
        "rw": {
            "Twenty journalists trained in Huye": "Abanyamakuru makumyabiri bahuguriwe i Huye",
            "Two days to learn how to follow Rwanda's review and report on it.": (
                "Iminsi ibiri yo kwiga gukurikirana isuzuma ry’u Rwanda no kuritangazaho amakuru."
            ),
            "Southern Province office": "Ibiro by’Intara y’Amajyepfo",
            "Journalists from community radios learned to read the recommendations database.": (
                "Abanyamakuru bo mu maradiyo y’abaturage bize gusoma no gukoresha ububiko bw’inama."
            ),
        },
    },
}

EVENT_INDEX = {
    "slug": "events",
    "fields": {"title": "Events", "intro": "Workshops, trainings and pre-sessions."},
    "translations": {
        "fr": {
            "Events": "Événements",
            "Workshops, trainings and pre-sessions.": "Ateliers, formations et pré-sessions.",
        },
        "rw": {
            "Events": "Ibikorwa",
            "Workshops, trainings and pre-sessions.": "Amahugurwa, inyigisho n’ibiganiro bibanziriza isuzuma.",
        },
    },
}

EVENT_START = datetime.datetime(2026, 3, 2, 9, 0)
EVENT = {
    "slug": "workshop-mid-term-report",
    "fields": {
        "title": "Workshop on the mid-term report",
        "event_type": "workshop",
        "summary": "Civil society prepares its mid-term assessment of the recommendations Rwanda supported.",
        "time_zone": "Africa/Kigali",
        "venue": "Kigali Serena Hotel",
        "address": "KN 3 Ave, Kigali",
        "agenda": [
            {
                "type": "session",
                "value": {
                    "starts_at": "09:00",
                    "ends_at": "09:30",
                    "day": 1,
                    "title": "Opening",
                    "description": "",
                    "speakers": ["Executive director"],
                },
            },
            {
                "type": "session",
                "value": {
                    "starts_at": "09:30",
                    "ends_at": "12:30",
                    "day": 1,
                    "title": "Where do the recommendations stand?",
                    "description": "<p>Group work by theme, with the recommendations database.</p>",
                    "speakers": [],
                },
            },
            {
                "type": "session",
                "value": {
                    "starts_at": "14:00",
                    "ends_at": "16:30",
                    "day": 1,
                    "title": "Drafting the mid-term report",
                    "description": "",
                    "speakers": [],
                },
            },
        ],
    },
    "translations": {
        "fr": {
            "Workshop on the mid-term report": "Atelier sur le rapport à mi-parcours",
            "Civil society prepares its mid-term assessment of the recommendations Rwanda supported.": (
                "La société civile prépare son évaluation à mi-parcours des recommandations acceptées par le "
                "Rwanda."
            ),
            # The names of the hotel and the street are the same in every language.
            "Kigali Serena Hotel": "Kigali Serena Hotel",
            "KN 3 Ave, Kigali": "KN 3 Ave, Kigali",
            "Opening": "Ouverture",
            "Where do the recommendations stand?": "Où en sont les recommandations ?",
            "Group work by theme, with the recommendations database.": (
                "Travail en groupes par thème, avec la base de données des recommandations."
            ),
            "Drafting the mid-term report": "Rédaction du rapport à mi-parcours",
        },
        "rw": {
            "Workshop on the mid-term report": "Amahugurwa ku cyegeranyo cyo hagati",
            "Civil society prepares its mid-term assessment of the recommendations Rwanda supported.": (
                "Sosiyete Sivile itegura isuzuma ryayo ryo hagati ku nama u Rwanda rwemeye."
            ),
            "Kigali Serena Hotel": "Kigali Serena Hotel",
            "KN 3 Ave, Kigali": "KN 3 Ave, Kigali",
            "Opening": "Gufungura",
            "Where do the recommendations stand?": "Inama zigeze he zishyirwa mu bikorwa?",
            "Group work by theme, with the recommendations database.": (
                "Gukorera mu matsinda hakurikijwe insanganyamatsiko, hifashishijwe ububiko bw’inama."
            ),
            "Drafting the mid-term report": "Kwandika icyegeranyo cyo hagati",
        },
    },
}

NEWSLETTER = {
    "slug": "newsletter-12",
    "fields": {
        "title": "Newsletter no. 12",
        "issue_number": 12,
        "date": datetime.date(2026, 2, 1),
        "intro": "This month: the mid-term report, and a training video.",
    },
    # The notes of the items the issue gathers (the event and the video; the news item has none).
    "notes": {"event": "Register before 20 February.", "video": "Video of the month"},
    "translations": {
        "fr": {
            "Newsletter no. 12": "Lettre d’information nº 12",
            "This month: the mid-term report, and a training video.": (
                "Ce mois-ci : le rapport à mi-parcours, et une vidéo de formation."
            ),
            "Register before 20 February.": "Inscription avant le 20 février.",
            "Video of the month": "La vidéo du mois",
        },
        "rw": {
            "Newsletter no. 12": "Urwandiko rw’amakuru no 12",
            "This month: the mid-term report, and a training video.": (
                "Uku kwezi: icyegeranyo cyo hagati, n’amashusho y’amahugurwa."
            ),
            "Register before 20 February.": "Iyandikishe mbere ya tariki ya 20 Gashyantare.",
            "Video of the month": "Amashusho y’ukwezi",
        },
    },
}

LEGAL_INDEX = {
    "slug": "legal-assistance",
    "fields": {
        "title": "Legal assistance for journalists",
        "intro": "Arrested, sued, threatened? Our lawyers help media practitioners free of charge.",
    },
    "hotlines": [
        {
            "label": "Legal hotline",
            "phone": "+250 788 000 000",
            "messaging_number": "+250 788 000 000",
            "email": "",
            "hours": "Every day, 7:00–22:00",
            "available_24_7": False,
        }
    ],
    "translations": {
        "fr": {
            "Legal assistance for journalists": "Assistance juridique aux journalistes",
            "Arrested, sued, threatened? Our lawyers help media practitioners free of charge.": (
                "Arrêté, poursuivi, menacé ? Nos avocats aident gratuitement les professionnels des médias."
            ),
            "Legal hotline": "Permanence juridique",
            "Every day, 7:00–22:00": "Tous les jours, de 7 h à 22 h",
        },
        "rw": {
            "Legal assistance for journalists": "Ubufasha mu by’amategeko ku banyamakuru",
            "Arrested, sued, threatened? Our lawyers help media practitioners free of charge.": (
                "Watawe muri yombi, warezwe, watewe ubwoba? Abanyamategeko bacu bafasha abanyamakuru ku buntu."
            ),
            "Legal hotline": "Umurongo w’ubufasha mu by’amategeko",
            "Every day, 7:00–22:00": "Buri munsi, kuva saa moya za mu gitondo kugeza saa yine z’ijoro",
        },
    },
}

LEGAL_PAGE = {
    "slug": "if-you-are-arrested",
    "fields": {
        "title": "If you are arrested",
        "summary": "Your rights from the first hour of detention, and how to reach a lawyer.",
        "topic": "arrest_and_detention",
        "last_reviewed": datetime.date(2026, 1, 15),
        "faqs": [
            {
                "type": "faq",
                "value": {
                    "question": "Can I call a lawyer?",
                    "answer": "<p>Yes. You may ask for a lawyer from the start of your detention.</p>",
                },
            },
            {
                "type": "faq",
                "value": {
                    "question": "How long can I be held without a judge?",
                    "answer": "<p>The law sets a limit; ask our hotline for the rules that apply to you.</p>",
                },
            },
        ],
    },
    "translations": {
        "fr": {
            "If you are arrested": "Si vous êtes arrêté",
            "Your rights from the first hour of detention, and how to reach a lawyer.": (
                "Vos droits dès la première heure de détention, et comment joindre un avocat."
            ),
            "Can I call a lawyer?": "Puis-je appeler un avocat ?",
            "Yes. You may ask for a lawyer from the start of your detention.": (
                "Oui. Vous pouvez demander un avocat dès le début de votre détention."
            ),
            "How long can I be held without a judge?": "Combien de temps puis-je être détenu sans voir un juge ?",
            "The law sets a limit; ask our hotline for the rules that apply to you.": (
                "La loi fixe une limite ; demandez à notre permanence juridique les règles qui s’appliquent à "
                "votre cas."
            ),
        },
        "rw": {
            "If you are arrested": "Niba utawe muri yombi",
            "Your rights from the first hour of detention, and how to reach a lawyer.": (
                "Uburenganzira bwawe kuva ku isaha ya mbere ufunzwe, n’uko wabona umunyamategeko."
            ),
            "Can I call a lawyer?": "Nshobora guhamagara umunyamategeko?",
            "Yes. You may ask for a lawyer from the start of your detention.": (
                "Yego. Ushobora gusaba umunyamategeko kuva igihe utangiye gufungwa."
            ),
            "How long can I be held without a judge?": (
                "Nshobora gufungwa igihe kingana iki ntagejejwe imbere y’umucamanza?"
            ),
            "The law sets a limit; ask our hotline for the rules that apply to you.": (
                "Itegeko riteganya igihe ntarengwa; baza umurongo wacu w’ubufasha amategeko akureba."
            ),
        },
    },
}

ABOUT = {
    "slug": "about",
    "fields": {
        "title": "About us",
        "intro": "A civil society organisation working with the Universal Periodic Review since 2010.",
        "body": [paragraph("We are a team of advocates, researchers, journalists and lawyers.")],
    },
    "translations": {
        "fr": {
            "About us": "Qui sommes-nous",
            "A civil society organisation working with the Universal Periodic Review since 2010.": (
                "Une organisation de la société civile qui travaille avec l’Examen périodique universel "
                "depuis 2010."
            ),
            "We are a team of advocates, researchers, journalists and lawyers.": (
                "Nous sommes une équipe de chargés de plaidoyer, de chercheurs, de journalistes et de juristes."
            ),
        },
        "rw": {
            "About us": "Abo turi bo",
            "A civil society organisation working with the Universal Periodic Review since 2010.": (
                "Umuryango wa Sosiyete Sivile ukorana n’Isuzuma Ngarukagihe Rusange kuva mu mwaka wa 2010."
            ),
            "We are a team of advocates, researchers, journalists and lawyers.": (
                "Turi itsinda ry’abavugizi, abashakashatsi, abanyamakuru n’abanyamategeko."
            ),
        },
    },
}

LEGAL_FORM = {
    "slug": "ask-for-legal-help",
    "fields": {
        "title": "Ask for legal help",
        "intro": (
            "Tell us what happened. Only our legal team reads your request; it is stored encrypted. "
            "In an emergency, call the legal hotline instead."
        ),
        "thank_you_text": "Thank you. A lawyer of our team will contact you in the way you chose.",
    },
    "translations": {
        "fr": {
            "Ask for legal help": "Demander une aide juridique",
            (
                "Tell us what happened. Only our legal team reads your request; it is stored encrypted. "
                "In an emergency, call the legal hotline instead."
            ): (
                "Dites-nous ce qui s’est passé. Seule notre équipe juridique lit votre demande, qui est conservée "
                "chiffrée. En cas d’urgence, appelez plutôt la permanence juridique."
            ),
            "Thank you. A lawyer of our team will contact you in the way you chose.": (
                "Merci. Un avocat de notre équipe vous contactera de la manière que vous avez choisie."
            ),
            "Your name": "Votre nom",
            "Leave empty to stay anonymous.": "Laissez vide pour rester anonyme.",
            "How can we reach you safely?": "Comment vous joindre en sécurité ?",
            "Your address or number": "Votre adresse ou votre numéro",
            "The email address or the number (with its country code) we should use.": (
                "L’adresse électronique ou le numéro (avec l’indicatif du pays) à utiliser."
            ),
            "Media outlet": "Média",
            "Country": "Pays",
            "Where it happened.": "Où cela s’est passé.",
            "What happened?": "Que s’est-il passé ?",
            "Date of the incident": "Date de l’incident",
            "An approximate date is fine.": "Une date approximative suffit.",
            "Description": "Description",
            "What happened, who is involved, what you need. Write only what you are comfortable sharing.": (
                "Ce qui s’est passé, les personnes impliquées, ce dont vous avez besoin. N’écrivez que ce que "
                "vous souhaitez partager."
            ),
            "How urgent is it?": "Quelle est l’urgence ?",
            "Preferred language": "Langue préférée",
            "I agree that the legal team processes these data to help me.": (
                "J’accepte que l’équipe juridique traite ces données pour m’aider."
            ),
            "Only the legal team reads your request. It is stored encrypted and deleted after the case is closed.": (
                "Seule l’équipe juridique lit votre demande. Elle est conservée chiffrée et supprimée une fois le "
                "dossier clos."
            ),
        },
        "rw": {
            "Ask for legal help": "Saba ubufasha mu by’amategeko",
            (
                "Tell us what happened. Only our legal team reads your request; it is stored encrypted. "
                "In an emergency, call the legal hotline instead."
            ): (
                "Tubwire ibyabaye. Itsinda ryacu ry’abanyamategeko ni ryo ryonyine risoma ubusabe bwawe; "
                "bubikwa mu buryo bw’ibanga bwizewe. Mu gihe byihutirwa, ahubwo hamagara umurongo w’ubufasha "
                "mu by’amategeko."
            ),
            "Thank you. A lawyer of our team will contact you in the way you chose.": (
                "Urakoze. Umunyamategeko wo mu itsinda ryacu azakuvugisha mu buryo wahisemo."
            ),
            "Your name": "Izina ryawe",
            "Leave empty to stay anonymous.": "Siga ubusa niba wifuza kutamenyekana.",
            "How can we reach you safely?": "Twakugeraho dute mu mutekano?",
            "Your address or number": "Aderesi yawe cyangwa nimero yawe",
            "The email address or the number (with its country code) we should use.": (
                "Aderesi ya imeyili cyangwa nimero (hamwe na kode y’igihugu) tugomba gukoresha."
            ),
            "Media outlet": "Igitangazamakuru",
            "Country": "Igihugu",
            "Where it happened.": "Aho byabereye.",
            "What happened?": "Ni iki cyabaye?",
            "Date of the incident": "Itariki byabereyeho",
            "An approximate date is fine.": "Itariki igereranyije irahagije.",
            "Description": "Ibisobanuro",
            "What happened, who is involved, what you need. Write only what you are comfortable sharing.": (
                "Ibyabaye, ababigizemo uruhare, n’icyo ukeneye. Andika gusa ibyo wumva wisanzuye kutubwira."
            ),
            "How urgent is it?": "Birihutirwa ku kihe kigero?",
            "Preferred language": "Ururimi wifuza",
            "I agree that the legal team processes these data to help me.": (
                "Nemeye ko itsinda ry’abanyamategeko rikoresha aya makuru kugira ngo rimfashe."
            ),
            "Only the legal team reads your request. It is stored encrypted and deleted after the case is closed.": (
                "Itsinda ry’abanyamategeko ni ryo ryonyine risoma ubusabe bwawe. Bubikwa mu buryo bw’ibanga "
                "bwizewe kandi bugasibwa iyo ikibazo kirangiye."
            ),
        },
    },
}

# Fictional requests for the legal team's listing; names and facts are invented.
LEGAL_CASES = [
    {
        "answers": {
            "name": "Grace Uwimana (fictional)",
            "contact_method": "signal",
            "contact": "+250 700 000 001",
            "media_outlet": "Radio Ijwi (fictional)",
            "country": "Rwanda",
            "problem_type": "equipment_seizure",
            "incident_date": "2026-10-03",
            "description": "Police took my recorder and phone after a council meeting and have not returned them.",
            "urgency": "days",
            "preferred_language": "rw",
            "consent": True,
        },
        "status": "assigned",
        "note": "Lawyer called her; the police station is asked to return the equipment.",
        "file": ("receipt.png", "image/png"),
    },
    {
        "answers": {
            "name": "",
            "contact_method": "email",
            "contact": "anonymous.reporter@example.org",
            "media_outlet": "",
            "country": "Burundi",
            "problem_type": "online_harassment",
            "incident_date": "2026-11-12",
            "description": "Since my article on land disputes, accounts threaten me every day online.",
            "urgency": "not_urgent",
            "preferred_language": "fr",
            "consent": True,
        },
        "status": "new",
        "note": "",
        "file": None,
    },
    {
        "answers": {
            "name": "Eric Habimana (fictional)",
            "contact_method": "phone",
            "contact": "+250 700 000 002",
            "media_outlet": "Ikinyamakuru (fictional)",
            "country": "Rwanda",
            "problem_type": "lawsuit",
            "incident_date": "2025-06-20",
            "description": "A businessman sued me for defamation over an investigation into public tenders.",
            "urgency": "days",
            "preferred_language": "en",
            "consent": True,
        },
        "status": "closed",
        "note": "Case dismissed by the court; closed.",
        "file": None,
    },
]
