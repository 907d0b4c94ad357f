"""Deterministic generator of realistic IOM coordination-meeting attendance rosters.

Every workbook is an *attendance list*: one row per person per meeting, all organisations,
~30 attendees a meeting of whom 1-3 are IOM (organisation "IOM"), with a title row above the
header.  The mix is realistic: mostly compliant IOM representation, some meetings without IOM,
some represented at the wrong level (a Programme Officer in the HCT, the Chief of Mission in
the OMT, an officer of another sector in a cluster), a few observers-only and acting heads,
and some dates typed as text ("05/10/2026").

The output depends only on the arguments (seeded per mission and period), so two runs on two
machines produce the same rows.  Workbooks are written with openpyxl's write-only mode.

    python bench/generate.py year  bench/data/ETH_2026.xlsx --rows 100000
    python bench/generate.py month bench/data/ETH_2026-05.xlsx --mission ETH --period 2026-05
    python bench/generate.py batch bench/data/batch --n 200
    python bench/generate.py tree  bench/data/report --missions 200 --months 10
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import hashlib
import os
import random
import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from openpyxl import Workbook

HEADER = [
    "Meeting date",
    "Platform",
    "Level",
    "Location",
    "Attendee name",
    "Organization",
    "Position title",
    "Programme sector",
    "Role in meeting",
]

YEAR = 2026
DEFAULT_MONTHS = [f"{YEAR}-{m:02d}" for m in range(1, 11)]  # 2026-01 .. 2026-10

# --------------------------------------------------------------------------------------------
# Missions: capital (national meetings) and field locations (subnational meetings).
# --------------------------------------------------------------------------------------------
MISSIONS: dict[str, tuple[str, str, list[str]]] = {
    # code: (country, capital, subnational hubs)
    "ETH": (
        "Ethiopia",
        "Addis Ababa",
        ["Gambella", "Dire Dawa", "Mekelle", "Bahir Dar", "Jijiga", "Semera"],
    ),
    "KEN": ("Kenya", "Nairobi", ["Dadaab", "Kakuma", "Garissa", "Lodwar", "Mandera"]),
    "SSD": ("South Sudan", "Juba", ["Malakal", "Bentiu", "Wau", "Bor", "Renk", "Aweil"]),
    "SOM": ("Somalia", "Mogadishu", ["Baidoa", "Kismayo", "Garowe", "Hargeisa", "Dollow"]),
    "SDN": ("Sudan", "Port Sudan", ["Kassala", "Gedaref", "Kosti", "Dongola", "El Fasher"]),
    "YEM": ("Yemen", "Aden", ["Marib", "Taiz", "Hodeidah", "Sana'a", "Mukalla"]),
    "AFG": ("Afghanistan", "Kabul", ["Herat", "Kandahar", "Jalalabad", "Mazar-i-Sharif"]),
    "HTI": ("Haiti", "Port-au-Prince", ["Cap-Haïtien", "Les Cayes", "Jérémie", "Gonaïves"]),
    "COD": ("DR Congo", "Kinshasa", ["Goma", "Bunia", "Bukavu", "Kalemie", "Kananga"]),
    "MOZ": ("Mozambique", "Maputo", ["Pemba", "Beira", "Montepuez", "Nampula"]),
    "NGA": ("Nigeria", "Abuja", ["Maiduguri", "Yola", "Damaturu", "Monguno"]),
    "BFA": ("Burkina Faso", "Ouagadougou", ["Kaya", "Dori", "Fada N'Gourma", "Ouahigouya"]),
    "CAF": ("Central African Republic", "Bangui", ["Bria", "Bambari", "Kaga-Bandoro", "Bossangoa"]),
    "MLI": ("Mali", "Bamako", ["Mopti", "Gao", "Timbuktu", "Ménaka"]),
    "NER": ("Niger", "Niamey", ["Agadez", "Diffa", "Tillabéri", "Maradi"]),
    "TCD": ("Chad", "N'Djamena", ["Abéché", "Adré", "Bol", "Goré"]),
    "SYR": ("Syria", "Damascus", ["Aleppo", "Homs", "Qamishli", "Gaziantep (cross-border)"]),
    "UKR": ("Ukraine", "Kyiv", ["Kharkiv", "Dnipro", "Odesa", "Zaporizhzhia", "Mykolaiv"]),
    "BGD": ("Bangladesh", "Dhaka", ["Cox's Bazar", "Ukhia", "Teknaf"]),
    "MMR": ("Myanmar", "Yangon", ["Sittwe", "Myitkyina", "Lashio", "Hpa-An"]),
    "COL": ("Colombia", "Bogotá", ["Cúcuta", "Riohacha", "Arauca", "Pasto"]),
    "LBN": ("Lebanon", "Beirut", ["Tripoli", "Zahle", "Tyre"]),
    "IRQ": ("Iraq", "Baghdad", ["Erbil", "Mosul", "Duhok", "Ramadi"]),
    "LBY": ("Libya", "Tripoli", ["Benghazi", "Sabha", "Misrata"]),
}

# ISO 3166-1 alpha-3 codes: mission codes for large report trees (``make_report_tree``).
_ISO3_CODES = (
    "ETH KEN SSD SOM SDN YEM AFG HTI COD MOZ NGA BFA CAF MLI NER TCD SYR UKR BGD MMR COL LBN IRQ "
    "LBY AGO ALB ARG ARM AUS AUT AZE BDI BEL BEN BGR BIH BLR BLZ BOL BRA BRB BTN BWA CAN CHE CHL "
    "CHN CIV CMR COG COM CPV CRI CUB CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESP EST FIN FJI "
    "FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY HND HRV HUN IDN IND IRL IRN ISL ISR "
    "ITA JAM JOR JPN KAZ KGZ KHM KIR KNA KOR KWT LAO LBR LCA LKA LSO LTU LUX LVA MAR MDA MDG MDV "
    "MEX MHL MKD MLT MNE MNG MRT MUS MWI MYS NAM NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW "
    "PNG POL PRT PRY PSE QAT ROU RUS RWA SAU SEN SGP SLB SLE SLV SMR SRB STP SUR SVK SVN SWE SWZ "
    "SYC TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA URY USA UZB VCT VEN VNM VUT WSM ZAF ZMB "
    "ZWE ATG BHS BHR BRN ARE AND LIE MCO PRK HKG MAC PRI ABW CUW GUM NCL PYF REU MYT GLP MTQ GUF "
    "BMU CYM VGB TCA AIA MSR GRL FRO IMN JEY GGY GIB ESH COK NIU ASM MNP VIR SXM VAT"
)
ISO3 = _ISO3_CODES.split()

GENERIC_HUBS = [
    "North Hub",
    "South Hub",
    "East Hub",
    "West Hub",
    "Border Area Office",
    "Coastal Sub-Office",
]


def mission_places(mission: str) -> tuple[str, list[str]]:
    if mission in MISSIONS:
        _, capital, hubs = MISSIONS[mission]
        return capital, hubs
    return f"{mission} Capital", [f"{mission} {h}" for h in GENERIC_HUBS[:4]]


# --------------------------------------------------------------------------------------------
# Platforms and sectors
# --------------------------------------------------------------------------------------------
# (cluster platform name, sector column value, sector code, lead agency chairing it)
CLUSTERS = [
    ("Health Cluster", "Health", "HEA", "WHO"),
    ("Protection Cluster", "Protection", "PRO", "UNHCR"),
    ("Shelter/NFI Cluster", "Shelter/NFI", "SHL", "UNHCR"),
    ("CCCM Cluster", "CCCM", "CCM", "IOM"),
    ("WASH Cluster", "WASH", "WSH", "UNICEF"),
    ("Food Security Cluster", "Food Security", "FSC", "WFP"),
    ("Nutrition Cluster", "Nutrition", "NUT", "UNICEF"),
    ("Education Cluster", "Education", "EDU", "UNICEF"),
    ("Logistics Cluster", "Logistics", "LOG", "WFP"),
    ("Emergency Telecommunications Cluster", "Emergency Telecommunications", "ETC", "WFP"),
    ("Early Recovery Cluster", "Early Recovery", "ERY", "UNDP"),
]
# how often each cluster meets, relative (IOM's own sectors meet / are recorded more often)
CLUSTER_WEIGHTS = [14, 14, 12, 12, 12, 9, 8, 6, 5, 3, 5]
IOM_SECTORS = {"HEA", "PRO", "SHL", "CCM", "WSH"}

# national non-cluster platforms and their relative frequency
NATIONAL_PLATFORMS = [("HCT", 8), ("ICCG", 8), ("UNCT", 3), ("SMT", 4), ("PMT", 3), ("OMT", 3)]
NATIONAL_CLUSTER_WEIGHT = 71  # vs. the sum above (29): most national meetings are clusters
SUBNATIONAL_ICCG_WEIGHT = 10  # vs. 90 for subnational clusters
NATIONAL_SHARE = 0.22  # ~ 700 national vs ~2,600 subnational meetings in a large year

# a few platforms written the long way, as people do
PLATFORM_SPELLINGS = {
    "HCT": ["HCT"] * 9 + ["Humanitarian Country Team"],
    "ICCG": ["ICCG"] * 8 + ["Inter-Cluster Coordination Group", "ICCG"],
    "UNCT": ["UNCT"] * 9 + ["UN Country Team"],
    "SMT": ["SMT"] * 9 + ["Security Management Team"],
    "PMT": ["PMT"] * 9 + ["Programme Management Team"],
    "OMT": ["OMT"] * 9 + ["Operations Management Team"],
}
CHAIRS = {
    "HCT": "OCHA",
    "ICCG": "OCHA",
    "UNCT": "UN Resident Coordinator Office",
    "SMT": "UNDSS",
    "PMT": "UN Resident Coordinator Office",
    "OMT": "UNDP",
}

# --------------------------------------------------------------------------------------------
# IOM titles (DOMAIN.md vocabulary)
# --------------------------------------------------------------------------------------------
SECTOR_OFFICER_TITLES = {
    "HEA": [
        "Migration Health Programme Officer",
        "MHPSS Programme Officer",
        "Health Programme Manager",
    ],
    "PRO": ["Protection Programme Officer", "Counter-Trafficking Programme Officer"],
    "SHL": ["Shelter and NFI Programme Officer", "Shelter Programme Manager"],
    "CCM": ["CCCM Programme Officer", "DTM Project Officer"],
    "WSH": ["WASH Programme Officer", "WASH Project Manager"],
}
CLUSTER_COORD_TITLES = {
    "CCM": ["CCCM Cluster Coordinator", "CCCM Cluster Co-coordinator"],
    "SHL": ["Shelter Cluster Coordinator", "Shelter Cluster Co-coordinator"],
}
GENERIC_OFFICER_TITLES = ["Programme Officer", "Operations Officer", "National Programme Officer"]

# compliant representative titles per platform
COMPLIANT = {
    "HCT": ["Chief of Mission"] * 17
    + ["Chief of Mission a.i.", "Officer-in-Charge", "Emergency Coordinator"],
    "UNCT": ["Chief of Mission"] * 18 + ["Chief of Mission a.i.", "Head of Mission"],
    "SMT": ["Chief of Mission"] * 19 + ["Officer-in-Charge"],
    "PMT": ["Programme Coordinator", "Programme Coordinator", "Senior Programme Manager"],
    "OMT": ["Resource Management Officer"],
    "ICCG": [
        "CCCM Cluster Coordinator",
        "Shelter Cluster Coordinator",
        "Shelter Cluster Co-coordinator",
        "Cluster Coordinator",
    ],
}
# accompanying (second/third) IOM attendees per platform
COMPANIONS = {
    "HCT": ["Programme Coordinator", "Emergency Coordinator", "Deputy Chief of Mission"],
    "UNCT": ["Programme Coordinator", "Deputy Chief of Mission"],
    "SMT": ["Field Security Officer", "Security Officer"],
    "PMT": ["Programme Officer", "Information Management Officer"],
    "OMT": ["Operations Officer", "Administrative Assistant"],
    "ICCG": ["Information Management Officer", "CCCM Cluster Co-coordinator"],
}
# wrong-level representatives per platform (below, above, or another function)
WRONG = {
    "HCT": [
        "Programme Officer",
        "Head of Sub-Office",
        "Programme Manager",
        "Deputy Chief of Mission",
        "Senior Programme Manager",
    ],
    "UNCT": ["Deputy Chief of Mission", "Programme Coordinator", "Head of Office"],
    "SMT": ["Field Security Officer", "Operations Officer", "Deputy Chief of Mission"],
    "PMT": ["Programme Officer", "Chief of Mission", "Project Officer"],
    "OMT": ["Chief of Mission", "Operations Officer", "Administrative Assistant"],
    "ICCG": ["Programme Officer", "Information Management Officer", "Programme Manager"],
}

# --------------------------------------------------------------------------------------------
# Other organisations (not judged)
# --------------------------------------------------------------------------------------------
UN_AGENCIES = [
    "UNHCR",
    "UNICEF",
    "WFP",
    "WHO",
    "OCHA",
    "UNFPA",
    "UNDP",
    "FAO",
    "UN Women",
    "UNDSS",
    "UNOPS",
    "UN-Habitat",
    "UNMAS",
    "UN Resident Coordinator Office",
]
NGOS = [
    "NRC",
    "DRC",
    "IRC",
    "Save the Children",
    "MSF",
    "Oxfam",
    "CARE",
    "World Vision",
    "Mercy Corps",
    "ACF",
    "Plan International",
    "IFRC",
    "ICRC",
    "Red Crescent Society",
    "ACTED",
    "INTERSOS",
    "Concern Worldwide",
    "Islamic Relief",
    "Caritas",
    "Solidarités",
    "Local NGO Forum",
    "Women's Development Association",
]
GOVERNMENT = [
    "Ministry of Health",
    "Ministry of Interior",
    "Ministry of Foreign Affairs",
    "Disaster Risk Management Commission",
    "Refugees and Returnees Service",
    "Ministry of Education",
    "Regional Health Bureau",
    "Water Resources Bureau",
]
DONORS = ["ECHO", "FCDO", "Embassy of Sweden", "GIZ", "Canada (GAC)"]

SENIOR_TITLES = [
    "Head of Agency",
    "Representative",
    "Deputy Representative",
    "Country Director",
    "Head of Office",
    "Deputy Country Director",
    "Humanitarian Coordinator",
    "Director",
    "State Minister",
    "Commissioner",
]
WORKING_TITLES = [
    "Programme Specialist",
    "Programme Officer",
    "Cluster Coordinator",
    "Health Officer",
    "Protection Officer",
    "WASH Specialist",
    "Emergency Officer",
    "Information Management Officer",
    "Field Coordinator",
    "Operations Manager",
    "Nutrition Specialist",
    "Education Officer",
    "Logistics Officer",
    "Humanitarian Affairs Officer",
    "Project Manager",
    "Focal Point",
    "Security Adviser",
    "Deputy Director",
    "Technical Adviser",
    "Area Manager",
]

FIRST = [
    "Abebe",
    "Amina",
    "Hana",
    "Samuel",
    "Fatuma",
    "Peter",
    "Grace",
    "Mohamed",
    "Aisha",
    "John",
    "Mary",
    "Ahmed",
    "Sara",
    "David",
    "Lucia",
    "Carlos",
    "Marie",
    "Jean",
    "Olena",
    "Andriy",
    "Nadia",
    "Omar",
    "Layla",
    "Yusuf",
    "Zainab",
    "Joseph",
    "Esther",
    "Daniel",
    "Ruth",
    "Ibrahim",
    "Khadija",
    "Paul",
    "Agnes",
    "Moses",
    "Rahel",
    "Tesfaye",
    "Mekdes",
    "Kofi",
    "Ama",
    "Chinedu",
    "Ngozi",
    "Pierre",
    "Fatou",
    "Mamadou",
    "Aminata",
    "Ana",
    "Luis",
    "Sofia",
    "Karim",
    "Rania",
    "Hassan",
    "Noor",
    "Priya",
    "Rahul",
    "Thandiwe",
    "Sipho",
    "Mei",
    "Arjun",
    "Elena",
    "Marco",
    "Ingrid",
    "Lars",
    "Chloé",
    "Hélène",
    "Juan",
    "Gabriela",
    "Tomás",
    "Wanjiru",
    "Otieno",
    "Achieng",
    "Kiprono",
    "Deng",
    "Nyakim",
]
LAST = [
    "Tadesse",
    "Mohammed",
    "Okoro",
    "Mwangi",
    "Abdi",
    "Hassan",
    "Ali",
    "Nguyen",
    "Garcia",
    "Martin",
    "Dubois",
    "Kovalenko",
    "Shevchenko",
    "Haddad",
    "Khan",
    "Osei",
    "Diallo",
    "Traoré",
    "Keita",
    "Ouedraogo",
    "Mensah",
    "Adeyemi",
    "Okafor",
    "Banda",
    "Phiri",
    "Dlamini",
    "Silva",
    "Pereira",
    "Rodriguez",
    "Lopez",
    "Fernández",
    "Rossi",
    "Bianchi",
    "Johansson",
    "Andersen",
    "Smith",
    "Brown",
    "Wilson",
    "Kamau",
    "Otieno",
    "Wanjiku",
    "Lado",
    "Garang",
    "Kuol",
    "Mahamat",
    "Abakar",
    "Yilma",
    "Gebre",
    "Haile",
    "Bekele",
    "Farah",
    "Warsame",
    "Rahman",
    "Hossain",
    "Aung",
    "Htet",
    "Mukendi",
    "Kabila",
    "Ndlovu",
    "Petit",
    "Leroy",
    "Moreau",
    "Alvarez",
    "Torres",
    "Morales",
    "Sharma",
    "Patel",
    "Kim",
]


def stable_seed(*parts: object) -> int:
    """A seed that is the same on every machine and run (unlike hash())."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _name(rng: random.Random) -> str:
    first = rng.choice(FIRST)
    last = rng.choice(LAST)
    return f"{first} {last}" if rng.random() < 0.8 else f"{first[0]}. {last}"


class _Mission:
    """The people of one mission: IOM staff (stable names per title) and other agencies."""

    def __init__(self, mission: str, rng: random.Random) -> None:
        self.rng = rng
        self.capital, self.hubs = mission_places(mission)
        self._iom: dict[tuple[str, str], str] = {}
        self.used: set[str] = set()
        orgs = UN_AGENCIES * 3 + NGOS * 2 + GOVERNMENT * 2 + DONORS
        self.senior = self._people(180, orgs, SENIOR_TITLES)
        self.working = self._people(520, orgs, WORKING_TITLES)

    def _new_name(self) -> str:
        """A name nobody in this mission has yet."""
        name = _name(self.rng)
        while name in self.used:
            name = _name(self.rng)
        self.used.add(name)
        return name

    def _people(self, count: int, orgs: list[str], titles: list[str]) -> list[tuple[str, str, str]]:
        people = []
        for _ in range(count):
            org = self.rng.choice(orgs)
            people.append((self._new_name(), org, self.rng.choice(titles)))
        return people

    def iom_name(self, title: str, place: str) -> str:
        """One IOM person per title (per hub for field staff), the same all year."""
        national_title = any(
            t in title
            for t in (
                "Chief",
                "Head of Mission",
                "Deputy Chief",
                "Officer-in-Charge",
                "Resource Management",
                "Programme Coordinator",
                "Senior Programme",
            )
        )
        key = (title.replace(" a.i.", ""), self.capital if national_title else place)
        if key not in self._iom:
            self._iom[key] = self._new_name()
        return self._iom[key]


# one meeting: (date, platform_code, platform_text, sector_code|None, sector_text, level, location)
Meeting = tuple[dt.date, str, str, "str | None", str, str, str]


def _working_days(year: int, months: Sequence[int]) -> list[dt.date]:
    days = []
    for m in months:
        for d in range(1, calendar.monthrange(year, m)[1] + 1):
            day = dt.date(year, m, d)
            if day.weekday() < 5:
                days.append(day)
    return days


def _draw_meeting(rng: random.Random, m: _Mission, days: list[dt.date]) -> Meeting:
    day = rng.choice(days)
    if rng.random() < NATIONAL_SHARE:
        level, location = "National", m.capital
        codes = [p for p, _ in NATIONAL_PLATFORMS] + ["CLUSTER"]
        weights = [w for _, w in NATIONAL_PLATFORMS] + [NATIONAL_CLUSTER_WEIGHT]
        code = rng.choices(codes, weights)[0]
    else:
        level, location = "Subnational", rng.choice(m.hubs)
        code = rng.choices(["ICCG", "CLUSTER"], [SUBNATIONAL_ICCG_WEIGHT, 90])[0]
    if code == "CLUSTER":
        name, sector_text, sector, _ = rng.choices(CLUSTERS, CLUSTER_WEIGHTS)[0]
        return (day, code, name, sector, sector_text, level, location)
    return (day, code, rng.choice(PLATFORM_SPELLINGS[code]), None, "", level, location)


def _iom_rows(rng: random.Random, meeting: Meeting, m: _Mission) -> list[tuple[str, str]]:
    """IOM attendees of one meeting as (title, role in meeting); [] when IOM was absent."""
    _, code, _, sector, _, _, _ = meeting
    r = rng.random()
    if code == "CLUSTER":
        own = sector in IOM_SECTORS
        absent_p = 0.07 if own else 0.35
        if r < absent_p:
            return []
        if r < absent_p + 0.10:  # wrong: another sector's officer, an assistant, or the CoM
            other = rng.choice(sorted(IOM_SECTORS - {sector or ""}))
            title = rng.choice(
                [
                    rng.choice(SECTOR_OFFICER_TITLES[other]),
                    rng.choice(SECTOR_OFFICER_TITLES[other]),
                    "Programme Assistant",
                    "Chief of Mission",
                ]
            )
            return [(title, "Member")]
        assert sector is not None
        if own:
            if sector in CLUSTER_COORD_TITLES and rng.random() < 0.5:
                rows = [(rng.choice(CLUSTER_COORD_TITLES[sector]), "Chair")]
                if rng.random() < 0.5:
                    rows.append((rng.choice(SECTOR_OFFICER_TITLES[sector]), "Member"))
            else:
                rows = [(rng.choice(SECTOR_OFFICER_TITLES[sector]), "Member")]
                if rng.random() < 0.3:
                    rows.append(("Information Management Officer", "Member"))
        else:
            rows = [(rng.choice(GENERIC_OFFICER_TITLES), "Member")]
        if rng.random() < 0.1:
            rows.append(("Programme Assistant", "Member"))
        return rows[:3]
    if r < 0.08:
        return []
    if r < 0.19:
        rows = [(rng.choice(WRONG[code]), "Member")]
    elif code == "HCT" and r < 0.205:  # a cluster coordinator sitting in as observer only
        rows = [(rng.choice(CLUSTER_COORD_TITLES["CCM"] + CLUSTER_COORD_TITLES["SHL"]), "Observer")]
    else:
        rows = [(rng.choice(COMPLIANT[code]), "Member")]
    extra = rng.random()
    if extra < 0.45:
        rows.append((rng.choice(COMPANIONS[code]), "Member"))
        if code == "HCT" and extra < 0.15:
            rows.append((rng.choice(CLUSTER_COORD_TITLES["CCM"]), "Observer"))
    return rows[:3]


def _meeting_rows(
    rng: random.Random, meeting: Meeting, m: _Mission, size: int, text_date: bool
) -> list[list[object]]:
    day, code, platform, _, sector_text, level, location = meeting
    iom: list[tuple[str, str]] = []
    for title, role in _iom_rows(rng, meeting, m):
        if all(title != t for t, _ in iom):  # one person per title: no duplicate rows
            iom.append((title, role))
    iom = iom[:size]
    pool = m.senior if code in ("HCT", "UNCT", "SMT") else m.working
    others = rng.sample(pool, size - len(iom))
    date_value: object = day.strftime("%d/%m/%Y") if text_date else day
    chair_org = CHAIRS.get(code)
    if code == "CLUSTER":
        chair_org = next(c[3] for c in CLUSTERS if c[0] == platform)
    rows: list[list[object]] = []
    chaired = any(role == "Chair" for _, role in iom)
    for name, org, title in others:
        role = "Member"
        if not chaired and org == chair_org:
            role, chaired = "Chair", True
        elif org in DONORS:
            role = "Observer"
        rows.append([date_value, platform, level, location, name, org, title, sector_text, role])
    for title, role in iom:
        name = m.iom_name(title, location)
        rows.insert(
            rng.randrange(len(rows) + 1),
            [date_value, platform, level, location, name, "IOM", title, sector_text, role],
        )
    return rows


def _rows(
    mission: str,
    months: Sequence[int],
    rows: int,
    seed_key: str,
    meeting_size: tuple[int, int] = (22, 38),
) -> Iterable[list[object]]:
    """All data rows, meeting by meeting in date order; exactly ``rows`` rows."""
    rng = random.Random(stable_seed("roster-bench", mission, seed_key))
    m = _Mission(mission, random.Random(stable_seed("mission", mission)))
    days = _working_days(YEAR, months)
    # draw meeting sizes first so the row count is exact
    sizes: list[int] = []
    total = 0
    while total < rows:
        size = min(rng.randint(*meeting_size), rows - total)
        if rows - total - size < 5 and total + size < rows:  # avoid a tiny last meeting
            size = rows - total
        sizes.append(size)
        total += size
    meetings: list[Meeting] = []
    seen: set[tuple[object, ...]] = set()
    for _ in sizes:
        for _attempt in range(50):
            mt = _draw_meeting(rng, m, days)
            key = (mt[0], mt[1], mt[3], mt[5], mt[6])
            if key not in seen:
                break
        seen.add(key)
        meetings.append(mt)
    order = sorted(
        range(len(meetings)),
        key=lambda i: (
            meetings[i][0],
            meetings[i][5] != "National",
            meetings[i][1],
            meetings[i][2],
            meetings[i][6],
        ),
    )
    for i in order:
        text_date = rng.random() < 0.05
        yield from _meeting_rows(rng, meetings[i], m, sizes[i], text_date)


def _write(path: str | os.PathLike[str], title: str, rows: Iterable[list[object]]) -> int:
    """Write one attendance-list workbook atomically; returns the number of data rows."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Attendance")
    ws.append([title])
    ws.append([])
    ws.append(HEADER)
    n = 0
    for row in rows:
        ws.append(row)
        n += 1
    ws.append([])
    ws.append([f"Prepared by the IOM coordination focal point on {YEAR}-11-03"])
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    wb.save(tmp)
    os.replace(tmp, path)
    return n


def _country(mission: str) -> str:
    return MISSIONS[mission][0] if mission in MISSIONS else mission


def make_year(
    path: str | os.PathLike[str], rows: int = 100_000, mission: str = "ETH", year: int = YEAR
) -> int:
    """A mission-year attendance list (all organisations, ~30 attendees a meeting)."""
    if year != YEAR:
        raise ValueError(f"only {YEAR} is generated")
    title = f"IOM {_country(mission)} - Coordination meetings attendance list {year}"
    return _write(path, title, _rows(mission, range(1, 13), rows, f"year-{year}-{rows}"))


def make_month(path: str | os.PathLike[str], mission: str, period: str, rows: int = 400) -> int:
    """One mission's monthly roster for ``period`` (YYYY-MM)."""
    year, month = (int(x) for x in period.split("-"))
    if year != YEAR:
        raise ValueError(f"only {YEAR} is generated")
    title = (
        f"IOM {_country(mission)} - Coordination meetings attendance, "
        f"{calendar.month_name[month]} {year}"
    )
    return _write(path, title, _rows(mission, [month], rows, f"month-{period}-{rows}"))


def _month_job(args: tuple[str, str, str, int]) -> int:
    path, mission, period, rows = args
    return make_month(path, mission, period, rows)


def _run_jobs(jobs: list[tuple[str, str, str, int]], workers: int | None) -> int:
    if workers is None:
        workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if workers <= 1 or len(jobs) < 4:
        return sum(_month_job(j) for j in jobs)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(_month_job, jobs, chunksize=8))


def batch_names(n: int = 200, months: Sequence[str] = DEFAULT_MONTHS) -> list[tuple[str, str]]:
    """(mission, period) pairs of a batch: missions in turn, each for every month."""
    missions = list(MISSIONS) + [c for c in ISO3 if c not in MISSIONS]
    pairs = [(mi, p) for mi in missions for p in months]
    if n > len(pairs):
        raise ValueError(f"at most {len(pairs)} files")
    return pairs[:n]


def make_batch(
    folder: str | os.PathLike[str], n: int = 200, rows: int = 400, workers: int | None = None
) -> int:
    """``n`` monthly rosters ``<folder>/<MISSION>_<YYYY-MM>.xlsx`` (20 missions x 10 months
    for n=200); returns the total number of data rows."""
    folder = Path(folder)
    jobs = [(str(folder / f"{mi}_{p}.xlsx"), mi, p, rows) for mi, p in batch_names(n)]
    return _run_jobs(jobs, workers)


def make_report_tree(
    folder: str | os.PathLike[str],
    missions: Sequence[str] | int,
    months: Sequence[str] | int = DEFAULT_MONTHS,
    rows: int = 400,
    workers: int | None = None,
) -> int:
    """``<folder>/<MISSION>/<MISSION>_<YYYY-MM>.xlsx`` for every mission and month.

    ``missions`` is a list of codes or a count (the first N ISO-3 codes, ETH, KEN, SSD, ...);
    ``months`` a list of YYYY-MM or a count (2026-01 onwards).  200 x 10 = 2,000 files.
    """
    if isinstance(missions, int):
        if missions > len(ISO3):
            raise ValueError(f"at most {len(ISO3)} missions")
        missions = ISO3[:missions]
    if isinstance(months, int):
        if not 1 <= months <= 12:
            raise ValueError("1..12 months")
        months = [f"{YEAR}-{m:02d}" for m in range(1, months + 1)]
    folder = Path(folder)
    jobs = [(str(folder / mi / f"{mi}_{p}.xlsx"), mi, p, rows) for mi in missions for p in months]
    return _run_jobs(jobs, workers)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("year")
    p.add_argument("path")
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--mission", default="ETH")
    p = sub.add_parser("month")
    p.add_argument("path")
    p.add_argument("--mission", default="ETH")
    p.add_argument("--period", default="2026-10")
    p.add_argument("--rows", type=int, default=400)
    p = sub.add_parser("batch")
    p.add_argument("folder")
    p.add_argument("--n", type=int, default=200)
    p.add_argument("--rows", type=int, default=400)
    p.add_argument("--workers", type=int, default=None)
    p = sub.add_parser("tree")
    p.add_argument("folder")
    p.add_argument("--missions", type=int, default=200)
    p.add_argument("--months", type=int, default=10)
    p.add_argument("--rows", type=int, default=400)
    p.add_argument("--workers", type=int, default=None)
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    if a.cmd == "year":
        n = make_year(a.path, a.rows, a.mission)
    elif a.cmd == "month":
        n = make_month(a.path, a.mission, a.period, a.rows)
    elif a.cmd == "batch":
        n = make_batch(a.folder, a.n, a.rows, a.workers)
    else:
        n = make_report_tree(a.folder, a.missions, a.months, a.rows, a.workers)
    print(f"{n} rows written in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
