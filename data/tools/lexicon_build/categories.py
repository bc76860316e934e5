"""Cheap signals for a term's category.

Each function returns a category or None. They are heuristics: they look at
the shape of the term (its last word's ending or head noun) or at the first
words of an NCI definition, and they are wrong sometimes ('coma' and
'glaucoma' end in -oma like tumours and are conditions anyway; 'stoma' is
not). The builder applies them by priority (see terms.py).
"""

from __future__ import annotations

import re

CATEGORIES = ("condition", "symptom", "procedure", "test", "anatomy", "named", "research",
              "register", "medicine_class", "general", "other")

# Word endings that make a word a condition, a symptom, a procedure or a test.
CONDITION_SUFFIXES = ("itis", "osis", "iasis", "emia", "aemia", "pathy",
                      "penia", "plegia", "paresis", "plasia", "megaly",
                      "ectasis", "ectasia", "rrhage", "rrhagia", "cele", "oma",
                      "omas", "omata")
SYMPTOM_SUFFIXES = ("algia", "dynia", "rrhea", "rrhoea")
PROCEDURE_SUFFIXES = ("ectomy", "otomy", "ostomy", "plasty", "pexy",
                      "rrhaphy", "tripsy", "desis", "centesis")
TEST_SUFFIXES = ("scopy", "graphy", "ogram", "metry")
MEDICAL_SUFFIXES = (CONDITION_SUFFIXES + SYMPTOM_SUFFIXES + PROCEDURE_SUFFIXES
                    + TEST_SUFFIXES)
# Words with those endings that are something else.
_SUFFIX_EXCEPTIONS = {"diagnosis", "prognosis", "osmosis", "diploma", "aroma",
                      "stoma", "soma", "hypnosis", "symbiosis", "halitosis",
                      "geometry", "symmetry", "asymmetry", "telemetry",
                      "program", "diagram", "biography", "geography",
                      "photography", "pornography", "choreography",
                      "myography", "chromatography", "excel"}

_HEADS = {
    "condition": {"disease", "diseases", "syndrome", "disorder", "disorders",
                  "deficiency", "infection", "infections", "cancer", "cancers",
                  "carcinoma", "sarcoma", "lymphoma", "leukemia", "leukaemia",
                  "tumor", "tumors", "tumour", "tumours", "neoplasm",
                  "fracture", "injury", "failure", "insufficiency", "stenosis",
                  "hernia", "ulcer", "abscess", "aneurysm", "allergy",
                  "poisoning", "dysplasia", "malformation", "anomaly",
                  "defect", "palsy", "dystrophy", "atrophy", "hypertrophy",
                  "toxicity", "metastasis", "lesion", "lesions", "cyst",
                  "polyp", "polyps", "thrombosis", "embolism", "obstruction",
                  "inflammation", "fibrosis", "sclerosis", "necrosis"},
    "symptom": {"pain", "ache", "itching", "itch", "cough", "nausea",
                "vomiting", "dizziness", "fatigue", "rash", "swelling",
                "bleeding", "cramp", "cramps", "numbness", "tingling",
                "weakness", "spasm", "spasms", "tremor", "tremors",
                "headache", "constipation", "wheezing", "chills", "malaise",
                "breath", "fever", "discomfort", "stiffness", "tenderness"},
    "procedure": {"surgery", "transplant", "transplantation", "repair",
                  "resection", "reconstruction", "ablation", "implantation",
                  "bypass", "anastomosis", "amputation", "dialysis",
                  "catheterization", "intubation", "injection", "infusion",
                  "transfusion", "therapy", "radiotherapy", "chemotherapy",
                  "immunotherapy", "treatment", "vaccination", "immunization",
                  "procedure", "operation", "drainage", "embolization",
                  "excision", "dissection", "biopsy", "irradiation",
                  "graft", "stent", "stenting", "ligation"},
    "test": {"test", "tests", "testing", "scan", "scans", "assay", "screening",
             "panel", "count", "imaging", "ultrasound", "ultrasonography",
             "x-ray", "x-rays", "examination", "exam", "analysis", "smear",
             "tomography", "mammogram", "electrocardiogram", "echocardiogram",
             "urinalysis", "culture", "measurement", "monitoring"},
    "anatomy": {"bone", "bones", "muscle", "muscles", "artery", "arteries",
                "vein", "veins", "nerve", "nerves", "gland", "glands",
                "ligament", "ligaments", "tendon", "tendons", "duct", "ducts",
                "valve", "valves", "vessel", "vessels", "cartilage", "lobe",
                "lobes", "cavity", "node", "nodes", "membrane", "membranes",
                "organ", "organs", "cord", "canal", "sphincter", "ventricle",
                "ventricles", "atrium", "cortex", "marrow", "plexus",
                "ganglion", "fascia", "tract", "lining", "joint", "joints"},
}


def from_shape(key: str, anatomy_words: frozenset[str] = frozenset()) -> str | None:
    """Category from the last word of a term: its head noun ('... cancer',
    '... biopsy') or its ending ('-itis', '-ectomy', '-scopy')."""
    last = key.split(" ")[-1]
    for category, heads in _HEADS.items():
        if last in heads:
            return category
    if last in anatomy_words and " " not in key:
        return "anatomy"
    if last in _SUFFIX_EXCEPTIONS or len(last) < 6:
        return None
    for category, suffixes in (("procedure", PROCEDURE_SUFFIXES),
                               ("test", TEST_SUFFIXES),
                               ("symptom", SYMPTOM_SUFFIXES),
                               ("condition", CONDITION_SUFFIXES)):
        if last.endswith(suffixes):
            return category
    return None


def has_medical_suffix(word: str) -> bool:
    return (len(word) >= 6 and word not in _SUFFIX_EXCEPTIONS
            and word.endswith(MEDICAL_SUFFIXES))


_ADJECTIVES = (
    r"(?:(?:rare|common|inherited|genetic|hereditary|benign|malignant|serious|"
    r"chronic|acute|slow-growing|fast-growing|aggressive|severe|mild|type of|"
    r"group of|form of|kind of|rare type of|rare form of)[ ,]+)*")
_DEFINITION_RULES = [
    ("condition", re.compile(
        r"^(?:an? |the )?" + _ADJECTIVES +
        r"(?:disease|disorder|condition|syndrome|cancer|tumou?r|infection|"
        r"inflammation|cyst|growth|lesion|neoplasm|carcinoma|sarcoma|"
        r"lymphoma|leukemia|abnormal (?:condition|growth|mass))s?\b"
        r"|^cancer (?:that|of|in|which)\b|^inflammation of\b")),
    ("procedure", re.compile(
        r"^(?:an? |the )?(?:\w+[ -]){0,2}(?:procedure|operation|surgery|"
        r"surgical procedure|treatment|therapy|transplant)\b(?! of cancer)"
        r"|^surgery\b|^removal of\b|^treatment (?:with|that|for)\b")),
    ("test", re.compile(
        r"^(?:an? |the )?(?:\w+[ -]){0,2}(?:test|scan|imaging test|"
        r"laboratory test|exam|examination|x-ray)s?\b")),
    # 'The tube that carries urine' is anatomy; 'A thin, flexible tube' is an
    # instrument or a catheter, so tubes count only after 'the'.
    ("anatomy", re.compile(
        r"^(?:the |one of (?:the |two )|either of the two |a pair of )"
        r"(?:[\w-]+,? ){0,3}(?:organs?|glands?|bones?|muscles?|membranes?|"
        r"tubes?|ducts?|blood vessels?|nerves?|layers?|linings?|cavity|"
        r"cavities|joints?|ligaments?|tendons?)(?![-\w])(?! cancer| tumou?r)"
        r"|^an? (?:[\w-]+,? ){0,3}(?:organ|gland|bone|muscle|membrane|duct|"
        r"blood vessel|nerve|layer|lining|cavity|joint|ligament|tendon)"
        r"(?![-\w])(?! cancer| tumou?r)"
        r"|^the (?:\w+ ){0,2}(?:part|area|space|opening|passage) (?:of|between|"
        r"at|in|that)\b")),
    ("symptom", re.compile(
        r"^(?:an? )?(?:feeling|sensation) of\b|^(?:pain|loss of|difficulty|"
        r"trouble|inability|itching|swelling|redness|a symptom)\b")),
]


def from_definition(definition: str) -> str | None:
    """Category from the opening words of an NCI lay definition."""
    opening = definition.strip().lower()
    for category, rule in _DEFINITION_RULES:
        if rule.search(opening):
            return category
    return None


def anatomy_words_from_affixes(meanings: list[str]) -> frozenset[str]:
    """Body-part nouns named in affix meanings: 'of or pertaining to the
    eyelid' -> 'eyelid'."""
    words = set()
    for meaning in meanings:
        for match in re.finditer(
                r"(?:of or (?:pertaining|relating) to|belonging or relating to)"
                r" (?:the |a )?([a-z]+)(?=[ ,;)]|$)", meaning.lower()):
            if len(match.group(1)) >= 4:
                words.add(match.group(1))
    return frozenset(words)
