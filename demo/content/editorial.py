"""The editorial demo content: programmes, a publication with its PDF, a video, news, an event, a newsletter,
legal-assistance pages; English, with French translations and a few Kinyarwanda ones.

Each page is given by its slug, its fields, and its translations (source string -> translated string).
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
            }
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
            },
            "rw": {
                "Implementation in Rwanda": "Ishyirwa mu bikorwa mu Rwanda",
                "With the Rwanda Civil Society Platform we follow up the recommendations Rwanda supported.": (
                    "Dufatanyije n’Urugaga rwa Sosiyete Sivile mu Rwanda, dukurikirana ishyirwa mu bikorwa "
                    "ry’inama u Rwanda rwemeye."
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
            }
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
            }
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
            }
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
        }
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
        "fr": {"How the Universal Periodic Review works": "Comment fonctionne l’Examen périodique universel"}
    },
}

PUBLICATION_INDEX = {
    "slug": "publications",
    "fields": {"title": "Publications", "intro": "<p>Reports, assessments and newsletters.</p>"},
    "translations": {
        "fr": {
            "Publications": "Publications",
            "Reports, assessments and newsletters.": ("Rapports, évaluations et lettres d’information."),
        }
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
        }
    },
}

NEWS_INDEX = {
    "slug": "news",
    "fields": {"title": "News", "intro": "News from our offices and partners."},
    "translations": {
        "fr": {
            "News": "Actualités",
            "News from our offices and partners.": ("Les nouvelles de nos bureaux et partenaires."),
        }
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
        }
    },
}

EVENT_INDEX = {
    "slug": "events",
    "fields": {"title": "Events", "intro": "Workshops, trainings and pre-sessions."},
    "translations": {
        "fr": {
            "Events": "Événements",
            "Workshops, trainings and pre-sessions.": ("Ateliers, formations et pré-sessions."),
        }
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
            "Opening": "Ouverture",
            "Where do the recommendations stand?": "Où en sont les recommandations ?",
            "Drafting the mid-term report": "Rédaction du rapport à mi-parcours",
        },
        "rw": {
            "Workshop on the mid-term report": "Amahugurwa ku cyegeranyo cyo hagati",
            "Opening": "Gufungura",
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
    "translations": {
        "fr": {
            "Newsletter no. 12": "Lettre d’information nº 12",
            "This month: the mid-term report, and a training video.": (
                "Ce mois-ci : le rapport à mi-parcours, et une vidéo de formation."
            ),
        }
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
        },
        "rw": {
            "Legal assistance for journalists": "Ubufasha mu by’amategeko ku banyamakuru",
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
            "Can I call a lawyer?": "Puis-je appeler un avocat ?",
        },
        "rw": {
            "If you are arrested": "Niba utawe muri yombi",
            "Can I call a lawyer?": "Nshobora guhamagara umunyamategeko?",
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
        }
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
            "Thank you. A lawyer of our team will contact you in the way you chose.": (
                "Merci. Un avocat de notre équipe vous contactera de la manière que vous avez choisie."
            ),
            "Your name": "Votre nom",
            "Leave empty to stay anonymous.": "Laissez vide pour rester anonyme.",
            "How can we reach you safely?": "Comment vous joindre en sécurité ?",
            "Your address or number": "Votre adresse ou votre numéro",
            "Media outlet": "Média",
            "Country": "Pays",
            "What happened?": "Que s’est-il passé ?",
            "Date of the incident": "Date de l’incident",
            "Description": "Description",
            "How urgent is it?": "Quelle est l’urgence ?",
            "Preferred language": "Langue préférée",
            "I agree that the legal team processes these data to help me.": (
                "J’accepte que l’équipe juridique traite ces données pour m’aider."
            ),
        },
        "rw": {
            "Ask for legal help": "Saba ubufasha mu by’amategeko",
            "Your name": "Izina ryawe",
            "Media outlet": "Igitangazamakuru",
            "Country": "Igihugu",
            "Description": "Ibisobanuro",
            "Preferred language": "Ururimi wifuza",
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
