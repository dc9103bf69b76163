"""The benchmark database: a busy agency's planner, generated from a seed.

2,000 people, 500 venues, 50 trips; one trip (the "big trip") has 200
participants and 5,000 programme items over five days in Shanghai. The data is
meant to look like a real plan, because the figures depend on it: names in
several scripts (some people Chinese, with their names in characters),
multilingual titles, venues with coordinates and contacts, and a programme the
checks find mostly clean. The big delegation splits each day into small teams
(pairs and single experts at B2B meetings, as on a trade mission); each team
stays in one district per day, so consecutive visits are a short drive apart,
and no two teams use one venue at once. Briefings and dinners are for
everyone. A few slips are put in on purpose (a double booking here, a missing
translation or host contact there), as in any plan under way.

Writing goes straight through the tables in one transaction: this is set-up
for a measurement, not a user action, and must take seconds, not minutes.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from planner.db import models as m
from planner.db.engine import open_database
from planner.domain.localized import LocalizedText

SEED = 20161024
PEOPLE = 2000
VENUES = 500
TRIPS = 50
BIG_MEMBERS = 200
BIG_ITEMS = 5000
#: The big trip's fleet: a car for each of the first teams of a slot, coaches for the whole delegation in the evening.
CARS = 50
COACHES = 5
BIG_DAYS = 5
BIG_ZONE = "Asia/Shanghai"
BIG_FIRST_DAY = date(2025, 11, 10)
#: When the benchmark's items were "last saved" (the column calendars read for LAST-MODIFIED).
SAVED_AT = datetime(2025, 10, 1, 8, 0, tzinfo=UTC)
#: Shanghai venues, in districts; the rest are spread over other cities for the other trips.
SHANGHAI_VENUES = 400


@dataclass(frozen=True, slots=True)
class BenchDatabase:
    """Where the generated database is and what it holds."""

    path: Path
    big_trip_id: int
    people: int
    venues: int
    trips: int
    big_members: int
    big_items: int
    seconds: float


# --- word lists -------------------------------------------------------------------------------

GERMAN_FAMILY = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
    "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
    "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
    "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
    "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert",
    "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
    "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin",
    "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich",
    "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl",
    "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer",
    "Schmelzer", "Schmalz", "Schmied", "Schmoll", "Eisenschmidt", "Özdemir", "Kowalski", "Nowak", "Yılmaz", "Dubois",
)
GERMAN_GIVEN = (
    ("Peter", "m"), ("Kai", "m"), ("Thomas", "m"), ("Michael", "m"), ("Andreas", "m"), ("Stefan", "m"),
    ("Jan", "m"), ("Lukas", "m"), ("Felix", "m"), ("Jörg", "m"), ("Matthias", "m"), ("Sebastian", "m"),
    ("Anna", "f"), ("Julia", "f"), ("Katharina", "f"), ("Sabine", "f"), ("Claudia", "f"), ("Birgit", "f"),
    ("Laura", "f"), ("Lena", "f"), ("Sophie", "f"), ("Maren", "f"), ("Jülide", "f"), ("Agnieszka", "f"),
)
#: (pinyin family, characters), (pinyin given, characters, sex)
CHINESE_FAMILY = (
    ("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"), ("Yang", "杨"), ("Huang", "黄"),
    ("Zhao", "赵"), ("Wu", "吴"), ("Zhou", "周"), ("Xu", "徐"), ("Sun", "孙"), ("Ma", "马"), ("Zhu", "朱"),
    ("Hu", "胡"), ("Guo", "郭"), ("He", "何"), ("Lin", "林"), ("Gao", "高"), ("Luo", "罗"), ("Xu", "许"),
)
CHINESE_GIVEN = (
    ("Wei", "伟", "m"), ("Qiang", "强", "m"), ("Lei", "磊", "m"), ("Jun", "军", "m"), ("Yong", "勇", "m"),
    ("Jie", "杰", "m"), ("Tao", "涛", "m"), ("Hao", "浩", "m"), ("Jing", "静", "f"), ("Min", "敏", "f"),
    ("Yan", "燕", "f"), ("Fang", "芳", "f"), ("Na", "娜", "f"), ("Xiuying", "秀英", "f"), ("Yang", "洋", "f"),
    ("Qin", "勤", "m"), ("Xiaoming", "晓明", "m"), ("Lili", "丽丽", "f"), ("Haiyan", "海燕", "f"), ("Zhiqiang", "志强", "m"),
)
HONORIFIC = {
    "m": LocalizedText(de="Herr", zh="先生", en="Mr"),
    "f": LocalizedText(de="Frau", zh="女士", en="Ms"),
    "dr": LocalizedText(de="Dr.", zh="博士", en="Dr"),
}
ORGANISATIONS = (
    LocalizedText(de="Stadt Hannover", zh="汉诺威市政府", en="City of Hannover"),
    LocalizedText(de="hannoverimpuls GmbH", zh="汉诺威经济促进公司", en="hannoverimpuls GmbH"),
    LocalizedText(de="Industrie- und Handelskammer Hannover", zh="汉诺威工商会", en="Hannover Chamber of Commerce"),
    LocalizedText(de="Leibniz Universität Hannover", zh="汉诺威莱布尼茨大学", en="Leibniz University Hannover"),
    LocalizedText(de="Medizinische Hochschule Hannover", zh="汉诺威医学院", en="Hannover Medical School"),
    LocalizedText(de="Deutsche Messe AG", zh="德国展览公司", en="Deutsche Messe AG"),
    LocalizedText(de="Niedersächsisches Wirtschaftsministerium", zh="下萨克森州经济部", en="Lower Saxony Ministry of Economic Affairs"),
    LocalizedText(de="Continental AG", zh="大陆集团", en="Continental AG"),
    LocalizedText(de="kre|H|tiv Netzwerk e.V.", zh="kre|H|tiv创意产业网络协会", en="kre|H|tiv Netzwerk e.V."),
    LocalizedText(de="Volkswagen Nutzfahrzeuge", zh="大众商用车", en="Volkswagen Commercial Vehicles"),
    LocalizedText(de="Hochschule Hannover", zh="汉诺威应用科技大学", en="Hannover University of Applied Sciences"),
    LocalizedText(de="Landeshauptstadt Hannover, Büro Oberbürgermeister", zh="汉诺威市长办公室", en="Office of the Lord Mayor of Hannover"),
    LocalizedText(de="Fraunhofer-Institut ITEM", zh="弗劳恩霍夫毒理学与实验医学研究所", en="Fraunhofer ITEM"),
    LocalizedText(de="Sennheiser electronic", zh="森海塞尔电子", en="Sennheiser electronic"),
    LocalizedText(de="Deutsche Presse-Agentur", zh="德新社", en="German Press Agency"),
    LocalizedText(de="Shanghaier Amt für auswärtige Angelegenheiten", zh="上海市人民政府外事办公室", en="Shanghai Foreign Affairs Office"),
    LocalizedText(de="Tongji-Universität", zh="同济大学", en="Tongji University"),
    LocalizedText(de="Shanghai Automotive Industry Corporation", zh="上海汽车集团", en="SAIC Motor"),
)
FUNCTIONS = (
    LocalizedText(de="Geschäftsführer", zh="总经理", en="Managing Director"),
    LocalizedText(de="Projektleiterin Internationalisierung", zh="国际化项目负责人", en="Project Manager, Internationalisation"),
    LocalizedText(de="Bürgermeister", zh="市长", en="Mayor"),
    LocalizedText(de="Leiter Außenwirtschaft", zh="对外经济部主任", en="Head of Foreign Trade"),
    LocalizedText(de="Professorin für Maschinenbau", zh="机械工程教授", en="Professor of Mechanical Engineering"),
    LocalizedText(de="Referent", zh="专员", en="Officer"),
    LocalizedText(de="Dolmetscherin", zh="翻译", en="Interpreter"),
    LocalizedText(de="Journalist", zh="记者", en="Journalist"),
    LocalizedText(de="Vorstandsvorsitzende", zh="董事长", en="Chair of the Board"),
    LocalizedText(de="Abteilungsleiter Forschung", zh="研发部主任", en="Head of Research"),
    LocalizedText(de="Fotograf", zh="摄影师", en="Photographer"),
    LocalizedText(de="Protokollchefin", zh="礼宾处处长", en="Head of Protocol"),
)
DIETS = ("vegetarian", "vegan", "halal", "no pork", "nut allergy", "gluten-free", "lactose intolerant")
ACCESS = ("wheelchair user", "walks with a stick; no long distances on foot", "hard of hearing")

#: Shanghai districts: (German, Chinese, English), centre, street names for addresses.
DISTRICTS = (
    (("Huangpu", "黄浦区", "Huangpu"), (31.2304, 121.4737), ("南京东路", "Nanjing East Road")),
    (("Lujiazui", "陆家嘴", "Lujiazui"), (31.2397, 121.4998), ("世纪大道", "Century Avenue")),
    (("Xuhui", "徐汇区", "Xuhui"), (31.1885, 121.4365), ("漕溪北路", "Caoxi North Road")),
    (("Jing'an", "静安区", "Jing'an"), (31.2286, 121.4480), ("南京西路", "Nanjing West Road")),
    (("Changning", "长宁区", "Changning"), (31.2204, 121.4246), ("延安西路", "Yan'an West Road")),
    (("Yangpu", "杨浦区", "Yangpu"), (31.2595, 121.5260), ("国定路", "Guoding Road")),
    (("Minhang", "闵行区", "Minhang"), (31.1128, 121.3817), ("沪闵路", "Humin Road")),
    (("Zhangjiang", "张江", "Zhangjiang"), (31.2040, 121.5900), ("科苑路", "Keyuan Road")),
)
OTHER_CITIES = (
    (("Peking", "北京", "Beijing"), "CN", "Asia/Shanghai", (39.9042, 116.4074), "+86 10"),
    (("Shenzhen", "深圳", "Shenzhen"), "CN", "Asia/Shanghai", (22.5431, 114.0579), "+86 755"),
    (("Hangzhou", "杭州", "Hangzhou"), "CN", "Asia/Shanghai", (30.2741, 120.1551), "+86 571"),
    (("Hannover", "汉诺威", "Hanover"), "DE", "Europe/Berlin", (52.3759, 9.7320), "+49 511"),
    (("Berlin", "柏林", "Berlin"), "DE", "Europe/Berlin", (52.5200, 13.4050), "+49 30"),
)
#: Venue kinds with a German, Chinese and English pattern for the name.
VENUE_PATTERNS = (
    ("company", "{de} Technologie GmbH", "{zh}科技有限公司", "{en} Technology Co., Ltd."),
    ("company", "{de} Maschinenbau", "{zh}机械制造", "{en} Machinery"),
    ("incubator", "Gründerzentrum {de}", "{zh}创业孵化中心", "{en} Start-up Incubator"),
    ("university", "Institut für Robotik {de}", "{zh}机器人研究所", "{en} Institute of Robotics"),
    ("government", "Bezirksregierung {de}", "{zh}人民政府", "{en} District Government"),
    ("museum", "Designmuseum {de}", "{zh}设计博物馆", "{en} Design Museum"),
    ("hospital", "Volkskrankenhaus {de}", "{zh}人民医院", "{en} People's Hospital"),
    ("restaurant", "Restaurant Jadegarten {de}", "{zh}翠园酒家", "Jade Garden Restaurant {en}"),
    ("trade_fair", "Messezentrum {de}", "{zh}会展中心", "{en} Exhibition Centre"),
    ("hotel", "Hotel {de}", "{zh}大酒店", "{en} Grand Hotel"),
)
MEETING_TOPICS = (
    ("Fachgespräch Industrie 4.0", "工业4.0专题会谈", "Expert talk on Industry 4.0"),
    ("B2B-Gespräch Medizintechnik", "医疗技术企业对接洽谈", "B2B meeting on medical technology"),
    ("Besichtigung der Fertigung", "参观生产线", "Tour of the production line"),
    ("Arbeitsgespräch Hochschulkooperation", "高校合作工作会谈", "Working meeting on university cooperation"),
    ("Präsentation Smart City", "智慧城市项目介绍", "Smart city presentation"),
    ("Gespräch über Markteintritt", "市场准入座谈", "Talk on market entry"),
    ("Besuch des Showrooms", "参观展厅", "Visit to the showroom"),
    ("Fachgespräch Kreativwirtschaft", "创意产业专题交流", "Expert talk on the creative industries"),
    ("Unterzeichnung einer Absichtserklärung", "签署合作意向书", "Signing of a memorandum of understanding"),
    ("Pressegespräch", "媒体见面会", "Press briefing"),
)
KIND_OF_TOPIC = ("meeting", "meeting", "site_visit", "meeting", "meeting", "meeting", "site_visit", "meeting", "ceremony", "press")


# --- the generator ----------------------------------------------------------------------------


class _Ids:
    """Sequential ids per table, so rows can refer to each other before they are written."""

    def __init__(self) -> None:
        self._next: dict[str, int] = {}

    def __call__(self, table: str) -> int:
        value = self._next.get(table, 0) + 1
        self._next[table] = value
        return value


class _Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.ids = _Ids()
        self.people: list[dict[str, Any]] = []
        self.venues: list[dict[str, Any]] = []
        self.contacts: list[dict[str, Any]] = []
        self.contacts_of: dict[int, list[int]] = {}
        self.trips: list[dict[str, Any]] = []
        self.memberships: list[dict[str, Any]] = []
        self.items: list[dict[str, Any]] = []
        self.ticks: list[dict[str, int]] = []
        self.legs: list[dict[str, Any]] = []  # members' own flights (make_travel_legs)
        self.room_blocks: list[dict[str, Any]] = []
        self.rooms: list[dict[str, Any]] = []
        self.shanghai_by_district: list[list[int]] = [[] for _ in DISTRICTS]
        self.hotel_id = 0
        self.dinner_venues: list[int] = []
        self.other_city_venues: dict[int, list[int]] = {}
        self.venue_names: dict[int, LocalizedText] = {}
        self.vehicles: list[dict[str, Any]] = []
        self.vehicle_rides: list[dict[str, Any]] = []

    # people ---------------------------------------------------------------------------------

    def make_people(self, count: int) -> None:
        rng = self.rng
        for n in range(count):
            pid = self.ids("person")
            chinese = rng.random() < 0.3
            if chinese:
                (fam, fam_zh), (giv, giv_zh, sex) = rng.choice(CHINESE_FAMILY), rng.choice(CHINESE_GIVEN)
                native, nationality, lang = fam_zh + giv_zh, "CN", rng.choice(("zh", "zh", "en"))
                phone = f"+86 1{rng.randint(30, 89)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
                mail_name = f"{giv}.{fam}".lower()
            else:
                fam, (giv, sex) = rng.choice(GERMAN_FAMILY), rng.choice(GERMAN_GIVEN)
                native, nationality, lang = "", rng.choice(("DE", "DE", "DE", "DE", "AT", "PL", "TR")), rng.choice(("de", "de", "en"))
                phone = f"+49 {rng.randint(30, 911)} {rng.randint(100000, 9999999)}"
                mail_name = _ascii(f"{giv}.{fam}").lower()
            honorific = HONORIFIC["dr"] if rng.random() < 0.15 else HONORIFIC[sex]
            expiry = date(2026, 1, 1) + timedelta(days=rng.randint(-120, 365 * 8))
            self.people.append({
                "id": pid, "version": 1, "family_name": fam, "given_name": giv, "native_name": native,
                "honorific": honorific, "organisation": rng.choice(ORGANISATIONS), "function": rng.choice(FUNCTIONS),
                "email": f"{mail_name}{n}@example.org", "phone": phone, "preferred_language": lang,
                "dietary_needs": rng.choice(DIETS) if rng.random() < 0.12 else "",
                "accessibility_needs": rng.choice(ACCESS) if rng.random() < 0.02 else "",
                "passport_number": f"C{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.97 else "",
                "nationality": nationality, "passport_expiry": expiry if rng.random() < 0.97 else None,
                "notes": "Bench data (generated)." if rng.random() < 0.1 else "",
            })

    # venues ---------------------------------------------------------------------------------

    def make_venues(self, count: int) -> None:
        rng = self.rng
        per_district = SHANGHAI_VENUES // len(DISTRICTS)
        for d, ((de, zh, en), (lat, lon), (street_zh, street_en)) in enumerate(DISTRICTS):
            for k in range(per_district):
                kind, name = self._venue_name(de, zh, en, k)
                # Within about 1.5 km of the district's centre: a short drive from one visit to the next.
                vlat, vlon = lat + rng.uniform(-0.0095, 0.0095), lon + rng.uniform(-0.011, 0.011)
                number = rng.randint(1, 2000)
                vid = self._venue(
                    name, kind, f"上海市{zh}{street_zh}{number}号", f"{number} {street_en}, {en}, Shanghai",
                    LocalizedText(de="Shanghai", zh="上海", en="Shanghai"), "CN", BIG_ZONE, vlat, vlon, "+86 21",
                    no_address=rng.random() < 0.004,
                )
                self.shanghai_by_district[d].append(vid)
                if d == 0 and kind == "hotel" and not self.hotel_id:
                    self.hotel_id = vid  # where the delegation sleeps: a venue of kind hotel, as the room blocks require
        self.dinner_venues = [v for district in (0, 3) for v in self.shanghai_by_district[district][1:6]]
        remaining = count - SHANGHAI_VENUES
        for k in range(remaining):
            city_index = k % len(OTHER_CITIES)
            (de, zh, en), country, tz, (lat, lon), dial = OTHER_CITIES[city_index]
            kind, name = self._venue_name(de, zh, en, k)
            number = rng.randint(1, 300)
            street = ("Hauptstraße", "Hauptstraße") if country == "DE" else ("人民路", "Renmin Road")
            local = f"{street[0]} {number}, {de}" if country == "DE" else f"{zh}{street[0]}{number}号"
            vid = self._venue(
                name, kind, local, f"{number} {street[1]}, {en}", LocalizedText(de=de, zh=zh, en=en), country, tz,
                lat + rng.uniform(-0.05, 0.05), lon + rng.uniform(-0.05, 0.05), dial,
            )
            self.other_city_venues.setdefault(city_index, []).append(vid)

    def _venue_name(self, de: str, zh: str, en: str, k: int) -> tuple[str, LocalizedText]:
        kind, pde, pzh, pen = VENUE_PATTERNS[k % len(VENUE_PATTERNS)]
        suffix = f" {k // len(VENUE_PATTERNS) + 1}" if k >= len(VENUE_PATTERNS) else ""
        return kind, LocalizedText(de=pde.format(de=de) + suffix, zh=pzh.format(zh=zh) + suffix, en=pen.format(en=en) + suffix)

    def _venue(
        self, name: LocalizedText, kind: str, local: str, romanised: str, city: LocalizedText, country: str, tz: str,
        lat: float, lon: float, dial: str, *, no_address: bool = False,
    ) -> int:
        rng = self.rng
        vid = self.ids("venue")
        self.venue_names[vid] = name
        self.venues.append({
            "id": vid, "version": 1, "name": name, "kind": kind,
            "address_local": "" if no_address else local, "address_romanised": "" if no_address else romanised,
            "city": city, "country": country, "timezone": tz, "latitude": round(lat, 6), "longitude": round(lon, 6),
            "website": f"https://venue{vid}.example.com", "notes": "",
        })
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            cid = self.ids("contact")
            fam, fam_zh = rng.choice(CHINESE_FAMILY)
            giv, giv_zh, _sex = rng.choice(CHINESE_GIVEN)
            chinese = country == "CN"
            self.contacts.append({
                "id": cid, "version": 1, "venue_id": vid,
                "name": f"{fam} {giv}" if chinese else f"{rng.choice(GERMAN_GIVEN)[0]} {rng.choice(GERMAN_FAMILY)}",
                "native_name": fam_zh + giv_zh if chinese else "",
                "function": rng.choice(FUNCTIONS),
                "phone": f"{dial} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
                "email": f"contact{cid}@example.com",
            })
            self.contacts_of.setdefault(vid, []).append(cid)
        return vid

    # trips ----------------------------------------------------------------------------------

    def make_trip(
        self, title: LocalizedText, city: LocalizedText, country: str, tz: str, first: date, days: int, status: str,
        buffer: int = 30,
    ) -> int:
        tid = self.ids("trip")
        self.trips.append({
            "id": tid, "version": 1, "title": title,
            "purpose": LocalizedText(
                de="Wirtschaftskontakte knüpfen und Kooperationsprojekte vorbereiten.",
                zh="建立经贸联系，筹备合作项目。",
                en="Building business contacts and preparing joint projects.",
            ),
            "destination_city": city, "destination_country": country, "timezone": tz,
            "first_day": first, "last_day": first + timedelta(days=days - 1),
            "organiser": LocalizedText(de="hannoverimpuls GmbH", zh="汉诺威经济促进公司", en="hannoverimpuls GmbH"),
            "status": status, "buffer_minutes": buffer, "notes": "",
        })
        return tid

    def add_members(self, trip_id: int, person_ids: Sequence[int], first: date, last: date) -> list[int]:
        roles = _roles(len(person_ids))
        ids = []
        for order, (pid, role) in enumerate(zip(person_ids, roles, strict=True), start=1):
            mid = self.ids("membership")
            self.memberships.append({
                "id": mid, "version": 1, "trip_id": trip_id, "person_id": pid, "role": role,
                "protocol_order": order, "arrival": first, "departure": last,
            })
            ids.append(mid)
        return ids

    def add_rooms(self, trip_id: int, members: Sequence[int], first: date, last: date) -> None:
        """The delegation at its hotel: a suite for the head, pairs in twin rooms, the rest in single rooms.

        Made without the random generator, so the programme drawn after it stays the same; the last
        member has no room (a slip the bed check finds).
        """
        blocks = {}
        for key, (de, zh, en), rooms, sleeps in (
            ("suite", ("Suite", "套房", "Suite"), 2, 2), ("twin", ("Zweibettzimmer", "双床房", "Twin room"), 60, 2),
            ("king", ("Einzelzimmer", "大床房", "King room"), 90, 1),
        ):
            bid = self.ids("room_block")
            blocks[key] = bid
            self.room_blocks.append({
                "id": bid, "version": 1, "trip_id": trip_id, "venue_id": self.hotel_id, "room_type": LocalizedText(de=de, zh=zh, en=en),
                "rooms": rooms, "sleeps": sleeps, "rate_cents": None, "currency": "", "notes": "",
            })
        pairs = members[1:121]
        placed: list[tuple[int, str, tuple[int, ...], str]] = [(members[0], "suite", (), "1801")]
        for n in range(0, len(pairs), 2):
            a, b = pairs[n], pairs[n + 1]
            placed += [(a, "twin", (b,), ""), (b, "twin", (a,), "")]
        placed += [(mid, "king", (), "") for mid in members[121:-1]]
        for mid, key, sharing, label in placed:
            self.rooms.append({
                "id": self.ids("room_assignment"), "version": 1, "membership_id": mid, "block_id": blocks[key], "room_label": label,
                "first_night": first, "last_night": last, "sharing_with": list(sharing), "requests": "",
            })

    def add_item(
        self, trip_id: int, kind: str, title: LocalizedText, venue_id: int | None, start: datetime, end: datetime,
        tz: str, participants: Sequence[int] | None, *, host: bool = True, description: LocalizedText | None = None,
        end_tz: str = "",
    ) -> int:
        iid = self.ids("item")
        contacts = self.contacts_of.get(venue_id, []) if venue_id is not None else []
        hosted = host and bool(contacts) and kind not in ("travel", "free_time", "check_in")
        self.items.append({
            "id": iid, "version": 1, "trip_id": trip_id, "kind": kind, "title": title,
            "description": description or LocalizedText(), "venue_id": venue_id,
            "start_utc": start.astimezone(UTC), "end_utc": end.astimezone(UTC), "timezone": tz, "end_timezone": end_tz,
            "host_contact_id": contacts[iid % len(contacts)] if hosted else None,
            "dress_code": LocalizedText(de="Geschäftskleidung", zh="商务正装", en="Business attire") if kind in ("ceremony", "meal") else LocalizedText(),
            "transport": LocalizedText(), "everyone": participants is None,
            "modified_at": SAVED_AT,  # fixed, so that every build of the database is the same
        })
        for mid in participants or ():
            self.ticks.append({"item_id": iid, "membership_id": mid})
        return iid

    def make_big_trip(self) -> int:
        rng = self.rng
        tid = self.make_trip(
            LocalizedText(
                de="Wirtschaftsdelegation Niedersachsen nach Shanghai", zh="下萨克森州经济代表团访问上海",
                en="Lower Saxony business delegation to Shanghai",
            ),
            LocalizedText(de="Shanghai", zh="上海", en="Shanghai"), "CN", BIG_ZONE, BIG_FIRST_DAY, BIG_DAYS, "confirmed",
            buffer=15,
        )
        last = BIG_FIRST_DAY + timedelta(days=BIG_DAYS - 1)
        chosen = rng.sample([p["id"] for p in self.people], BIG_MEMBERS)
        members = self.add_members(tid, chosen, BIG_FIRST_DAY, last)
        self.add_rooms(tid, members, BIG_FIRST_DAY, last - timedelta(days=1))
        zone = ZoneInfo(BIG_ZONE)

        def at(day: date, hour: int, minute: int) -> datetime:
            return datetime.combine(day, time(hour, minute), zone)

        everyone_per_day = 2
        subset_total = BIG_ITEMS - everyone_per_day * BIG_DAYS
        slots = ((9, 45, 40), (10, 45, 40), (11, 45, 40), (12, 45, 60), (14, 15, 40), (15, 15, 40), (16, 15, 40), (17, 15, 40))
        made = 0
        ridden: list[tuple[int, list[int] | None]] = []  # (item, its team; None: everyone) the fleet drives
        for d in range(BIG_DAYS):
            day = BIG_FIRST_DAY + timedelta(days=d)
            briefing = ("Begrüßung und Sicherheitsbriefing", "欢迎致辞及安全须知", "Welcome and security briefing") if d == 0 else (
                "Morgenbesprechung", "晨会", "Morning briefing"
            )
            self.add_item(tid, "meeting", LocalizedText(*briefing), self.hotel_id, at(day, 8, 0), at(day, 8, 45), BIG_ZONE, None, host=False)
            dinner = (
                ("Empfang des Generalkonsuls", "总领事招待会", "Reception by the Consul General"),
                ("Abendessen mit der Stadtregierung", "市政府晚宴", "Dinner with the city government"),
                ("Netzwerkabend", "交流晚会", "Networking evening"),
                ("Abendessen im Jadegarten", "翠园晚宴", "Dinner at the Jade Garden"),
                ("Abschlussabend", "告别晚宴", "Farewell evening"),
            )[d]
            dinner_id = self.add_item(tid, "meal", LocalizedText(*dinner), self.dinner_venues[d], at(day, 19, 0), at(day, 21, 0), BIG_ZONE, None)
            ridden.append((dinner_id, None))
            # Each day the delegation forms new teams: 75 pairs and 50 single experts.
            order = members[:]
            rng.shuffle(order)
            teams = [order[i:i + 2] for i in range(0, 150, 2)] + [[mid] for mid in order[150:]]
            by_district: dict[int, list[list[int]]] = {}
            for t, team in enumerate(teams):
                by_district.setdefault((t + d) % len(DISTRICTS), []).append(team)
            for s, (hour, minute, length) in enumerate(slots):
                slot_items: list[tuple[int, list[int] | None]] = []
                for district, district_teams in by_district.items():
                    venues = [v for v in self.shanghai_by_district[district] if v != self.hotel_id]
                    picked = rng.sample(venues, len(district_teams))  # no venue hosts two teams at once
                    for team, venue in zip(district_teams, picked, strict=True):
                        if made >= subset_total:
                            break
                        if length == 60:
                            kind, title = "meal", LocalizedText(de="Arbeitsessen", zh="工作午餐", en="Working lunch")
                        else:
                            topic = rng.randrange(len(MEETING_TOPICS))
                            kind, title = KIND_OF_TOPIC[topic], _titled(MEETING_TOPICS[topic], self.venue_names[venue])
                            if rng.random() < 0.01:
                                title = title.replace("zh", "")  # a translation still to do
                        ticked = list(team)
                        if rng.random() < 0.004:  # a slip: someone from another team booked in too
                            ticked.append(rng.choice(members))
                        start = at(day, hour, minute)
                        slot_items.append((self.add_item(
                            tid, kind, title, venue, start, start + timedelta(minutes=length), BIG_ZONE, sorted(set(ticked)),
                            host=rng.random() > 0.03,
                            description=LocalizedText(
                                de="Gesprächspartner und Unterlagen siehe Mappe.", zh="会谈对象及资料见文件夹。",
                                en="Counterparts and papers: see the folder.",
                            ) if rng.random() < 0.3 else None,
                        ), sorted(set(ticked))))
                        made += 1
                ridden += slot_items[:CARS]  # a car for the first teams of each slot: no car is in two places at once
        self.make_fleet(tid, members, ridden)
        return tid

    def make_travel_legs(self, trip_id: int, rng: random.Random) -> None:
        """Every member of the big trip arrives and leaves on a flight of their own, as a delegation of 200 does.

        Landings spread over the evening before and the first morning, take-offs
        over the last night; a few land only after the welcome briefing and a few
        have nobody to meet them yet, as in a plan under way. Each flight's
        arrivals are picked up by a car of the fleet (one car per flight, free
        again long before the first day's programme).
        """
        zone = ZoneInfo(BIG_ZONE)
        members = [ms for ms in self.memberships if ms["trip_id"] == trip_id]
        cars = [v["id"] for v in self.vehicles if v["trip_id"] == trip_id and v["kind"] == "car"]
        hosts = [ms["person_id"] for ms in members[:10]]
        last = BIG_FIRST_DAY + timedelta(days=BIG_DAYS - 1)
        for n, ms in enumerate(members):
            flight = n % 40  # forty flights, five members on each
            landing = datetime.combine(BIG_FIRST_DAY - timedelta(days=1), time(17, 0), zone) + timedelta(minutes=20 * flight)
            if rng.random() < 0.02:
                landing = datetime.combine(BIG_FIRST_DAY, time(9, 30), zone)  # a slip: after the welcome briefing
            take_off = datetime.combine(last, time(22, 0), zone) + timedelta(minutes=15 * (flight % 12))
            for direction, number, moment in (("arrival", f"LH {700 + flight}", landing), ("departure", f"LH {800 + flight}", take_off)):
                self.legs.append({
                    "id": self.ids("travel_leg"), "version": 1, "membership_id": ms["id"], "direction": direction, "kind": "flight",
                    "number": number, "origin": "Frankfurt (FRA)" if direction == "arrival" else "Shanghai Pudong (PVG)",
                    "destination": "Shanghai Pudong (PVG)" if direction == "arrival" else "Frankfurt (FRA)",
                    "departure_utc": (moment - timedelta(hours=12)).astimezone(UTC) if direction == "arrival" else moment.astimezone(UTC),
                    "departure_timezone": "Europe/Berlin" if direction == "arrival" else BIG_ZONE,
                    "arrival_utc": moment.astimezone(UTC) if direction == "arrival" else (moment + timedelta(hours=12)).astimezone(UTC),
                    "arrival_timezone": BIG_ZONE if direction == "arrival" else "Europe/Berlin",
                    "terminal": "T2", "booking_reference": "", "vehicle_note": "",
                    "met_by_person_id": rng.choice(hosts) if direction == "arrival" and rng.random() > 0.03 else None, "notes": "",
                    "vehicle_id": cars[flight % len(cars)] if direction == "arrival" and cars else None,
                })
    def make_fleet(self, trip_id: int, members: list[int], ridden: list[tuple[int, list[int] | None]]) -> None:
        """The big trip's cars and coaches: a car per team where there is one, the coaches for the evenings.

        Each evening the delegation goes in the coaches, filled in order of precedence.
        """
        cars = [self._vehicle(trip_id, n, f"Car {n + 1}", "car", 3) for n in range(CARS)]
        coaches = [self._vehicle(trip_id, CARS + n, f"Coach {n + 1}", "coach", 45) for n in range(COACHES)]
        per_coach = -(-len(members) // COACHES)
        teams = 0  # a slot has at most CARS teams with a car, taken in turn: no car twice in a slot
        for item_id, team in ridden:
            if team is None:
                for n, mid in enumerate(members):
                    self._ride(item_id, mid, coaches[n // per_coach])
                continue
            for mid in team:
                self._ride(item_id, mid, cars[teams % CARS])
            teams += 1

    def _vehicle(self, trip_id: int, position: int, label: str, kind: str, seats: int) -> int:
        vid = self.ids("vehicle")
        self.vehicles.append({
            "id": vid, "version": 1, "trip_id": trip_id, "position": position, "label": label, "kind": kind, "seats": seats,
            "plate": f"沪A·{10000 + vid}", "operator": "上海久事旅游", "driver_name": f"Driver {vid}",
            "driver_phone": f"+86 139 0000 {vid:04d}", "notes": "",
        })
        return vid

    def _ride(self, item_id: int, membership_id: int, vehicle_id: int) -> None:
        self.vehicle_rides.append({
            "id": self.ids("vehicle_ride"), "version": 1, "item_id": item_id, "membership_id": membership_id, "vehicle_id": vehicle_id,
        })

    def make_other_trips(self, count: int) -> None:
        rng = self.rng
        person_ids = [p["id"] for p in self.people]
        for n in range(count):
            city_index = n % len(OTHER_CITIES)
            (de, zh, en), country, tz, _centre, _dial = OTHER_CITIES[city_index]
            days = rng.randint(3, 7)
            first = date(2023, 1, 9) + timedelta(days=20 * n)  # all before the big trip, which is the newest
            status = "done" if first < date(2025, 6, 1) else rng.choice(("draft", "confirmed"))
            tid = self.make_trip(
                LocalizedText(de=f"Delegationsreise nach {de} ({n + 1})", zh=f"{zh}考察访问（{n + 1}）", en=f"Delegation to {en} ({n + 1})"),
                LocalizedText(de=de, zh=zh, en=en), country, tz, first, days, status,
            )
            members = self.add_members(tid, rng.sample(person_ids, rng.randint(8, 30)), first, first + timedelta(days=days - 1))
            zone = ZoneInfo(tz)
            venues = self.other_city_venues[city_index]
            for d in range(days):
                day = first + timedelta(days=d)
                for hour in (9, 11, 13, 15, 17):
                    topic = rng.randrange(len(MEETING_TOPICS))
                    start = datetime.combine(day, time(hour, 0), zone)
                    subset = None if rng.random() < 0.8 else sorted(rng.sample(members, max(1, len(members) // 3)))
                    venue = rng.choice(venues)
                    self.add_item(
                        tid, KIND_OF_TOPIC[topic], _titled(MEETING_TOPICS[topic], self.venue_names[venue]), venue,
                        start, start + timedelta(minutes=90), tz, subset,
                    )

    def rows(self) -> Iterator[tuple[Any, list[dict[str, Any]]]]:
        yield m.Person.__table__, self.people
        yield m.Venue.__table__, self.venues
        yield m.VenueContact.__table__, self.contacts
        yield m.Trip.__table__, self.trips
        yield m.Membership.__table__, self.memberships
        yield m.ProgrammeItem.__table__, self.items
        yield m.item_participant, self.ticks
        yield m.Vehicle.__table__, self.vehicles
        yield m.VehicleRide.__table__, self.vehicle_rides
        yield m.RoomBlock.__table__, self.room_blocks
        yield m.RoomAssignment.__table__, self.rooms
        yield m.TravelLeg.__table__, self.legs  # after the vehicles: an arrival names the car that picks it up


def _titled(topic: tuple[str, str, str], venue: LocalizedText) -> LocalizedText:
    """A title naming the counterpart, as planners write them: "B2B meeting on medical technology: Minhang Machinery 3"."""
    de, zh, en = topic
    return LocalizedText(de=f"{de}: {venue.de}", zh=f"{venue.zh}：{zh}", en=f"{en}: {venue.en}")


def _roles(count: int) -> list[str]:
    """One head, then members, with staff, interpreters and press at the end as protocol lists have them."""
    if count == 1:
        return ["head"]
    staff, interpreters, press = max(1, count // 8), max(1, count // 13), max(0, count // 22)
    members = count - 1 - staff - interpreters - press
    return ["head"] + ["member"] * members + ["staff"] * staff + ["interpreter"] * interpreters + ["press"] * press


def _ascii(text: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ı", "i"))
    return "".join(ch for ch in folded if ch.isascii() and (ch.isalnum() or ch == "."))


def build_database(path: Path, seed: int = SEED) -> BenchDatabase:
    """Create the benchmark database at `path` (which must not exist) and say what it holds."""
    import time as clock

    started = clock.perf_counter()
    gen = _Generator(seed)
    gen.make_people(PEOPLE)
    gen.make_venues(VENUES)
    big = gen.make_big_trip()
    gen.make_other_trips(TRIPS - 1)
    gen.make_travel_legs(big, random.Random(seed + 1))  # its own random numbers: the rest of the data stays as it was
    db = open_database(path, backup=False)
    try:
        with db.engine.begin() as conn:  # one transaction for everything
            for table, rows in gen.rows():
                if rows:
                    conn.execute(table.insert(), rows)
    finally:
        db.close()
    big_items = sum(1 for i in gen.items if i["trip_id"] == big)
    big_members = sum(1 for ms in gen.memberships if ms["trip_id"] == big)
    return BenchDatabase(
        path=path, big_trip_id=big, people=len(gen.people), venues=len(gen.venues), trips=len(gen.trips),
        big_members=big_members, big_items=big_items, seconds=clock.perf_counter() - started,
    )
