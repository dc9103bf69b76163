"""A realistic trip for the document tests, built through the services.

Hannover/Frankfurt → Shenzhen, 23–27 October 2016: a flight across zones, a
hotel, site visits only some members attend, meals with dietary needs, hosts
with phone numbers, and people whose private data must stay out of other
people's itineraries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from planner.db.engine import Database
from planner.domain.entities import ContactData, ItemData, MembershipData, PersonData, TripData, VenueData
from planner.domain.enums import ItemKind, Language, Role, TripStatus, VenueKind
from planner.domain.localized import LocalizedText as T
from planner.services import delegation, people, programme, trips, venues

SHANGHAI = "Asia/Shanghai"
BERLIN = "Europe/Berlin"


def at(day: int, hour: int, minute: int = 0, tz: str = SHANGHAI) -> datetime:
    """A local time in October 2016 in `tz`, as an aware datetime."""
    return datetime(2016, 10, day, hour, minute, tzinfo=ZoneInfo(tz))


@dataclass
class DemoTrip:
    trip: TripData
    members: dict[str, MembershipData] = field(default_factory=dict)  # by short key
    persons: dict[str, PersonData] = field(default_factory=dict)
    venues: dict[str, VenueData] = field(default_factory=dict)
    items: dict[str, ItemData] = field(default_factory=dict)

    @property
    def trip_id(self) -> int:
        assert self.trip.id is not None
        return self.trip.id

    def member_id(self, key: str) -> int:
        member_id = self.members[key].id
        assert member_id is not None
        return member_id


PEOPLE: dict[str, tuple[Role, PersonData]] = {
    "weil": (Role.HEAD, PersonData(
        family_name="Weil", given_name="Stephan",
        organisation=T(de="Land Niedersachsen", en="State of Lower Saxony", zh="下萨克森州"),
        function=T(de="Ministerpräsident", en="Minister-President", zh="州长"),
        email="stephan.weil@example.org", phone="+49 511 120 6901", preferred_language=Language.DE,
        dietary_needs="vegetarian", passport_number="C01X00T47", nationality="DE",
    )),
    "lies": (Role.MEMBER, PersonData(
        family_name="Lies", given_name="Olaf", organisation=T(de="Wirtschaftsministerium Niedersachsen", en="Lower Saxony Ministry of Economics"),
        function=T(de="Minister für Wirtschaft, Arbeit und Verkehr", en="Minister for Economics, Labour and Transport"),
        email="olaf.lies@example.org", phone="+49 511 120 5401", preferred_language=Language.DE,
        dietary_needs="halal", passport_number="C7744KL12",
    )),
    "xu": (Role.MEMBER, PersonData(
        family_name="Xu", given_name="Qin", native_name="许勤", organisation=T(zh="深圳市人民政府", en="Shenzhen Municipal Government", de="Stadtregierung Shenzhen"),
        function=T(zh="市长", en="Mayor", de="Bürgermeister"), email="xu.qin@example.cn", phone="+86 755 8812 0000",
        preferred_language=Language.ZH, dietary_needs="vegetarian; nut allergy", passport_number="E12345678",
    )),
    "mueller": (Role.STAFF, PersonData(
        family_name="Müller", given_name="Anna", organisation=T(de="Niedersächsische Staatskanzlei", en="Lower Saxony State Chancellery"),
        function=T(de="Protokoll", en="Protocol officer"), email="anna.mueller@example.org", phone="+49 170 5550 123",
        preferred_language=Language.DE, accessibility_needs="wheelchair user", passport_number="C55PP9921",
    )),
    "zhang": (Role.INTERPRETER, PersonData(
        family_name="Zhang", given_name="Min", native_name="张敏", organisation=T(de="Sprachendienst", en="Language services"),
        function=T(de="Dolmetscherin", en="Interpreter", zh="翻译"), email="zhang.min@example.org", phone="+49 176 2222 8888",
        preferred_language=Language.ZH, dietary_needs="Vegetarian", passport_number="G99887766",
    )),
    "smith": (Role.PRESS, PersonData(
        family_name="Smith", given_name="Jonathan", organisation=T(en="Financial Times"), function=T(en="Correspondent", de="Korrespondent"),
        email="j.smith@example.com", phone="+44 20 7873 3000", preferred_language=Language.EN, passport_number="UK5551234",
    )),
    "oezdemir": (Role.MEMBER, PersonData(
        family_name="Özdemir", given_name="Ayşe", honorific=T(de="Dr.", en="Dr"), organisation=T(de="Leibniz Universität Hannover", en="Leibniz University Hannover"),
        function=T(de="Vizepräsidentin für Forschung", en="Vice-President for Research"), email="a.oezdemir@example.org",
        phone="+49 511 762 0", preferred_language=Language.EN, passport_number="C11223344",
    )),
}


def _venues() -> dict[str, VenueData]:
    return {
        "fra": VenueData(
            name=T(de="Flughafen Frankfurt, Terminal 1", en="Frankfurt Airport, Terminal 1", zh="法兰克福机场1号航站楼"),
            kind=VenueKind.TRANSPORT_HUB, address_local="Hugo-Eckener-Ring, 60549 Frankfurt am Main",
            city=T(de="Frankfurt am Main", en="Frankfurt", zh="法兰克福"), country="DE", timezone=BERLIN,
            latitude=50.05120, longitude=8.57063,
        ),
        "hotel": VenueData(
            name=T(de="InterContinental Shenzhen", en="InterContinental Shenzhen", zh="深圳华侨城洲际大酒店"),
            kind=VenueKind.HOTEL, address_local="广东省深圳市南山区深南大道9009号",
            address_romanised="9009 Shennan Road, Nanshan District, Shenzhen", city=T(de="Shenzhen", en="Shenzhen", zh="深圳"),
            country="CN", timezone=SHANGHAI, latitude=22.53862, longitude=113.97428,
            contacts=(ContactData(name="Front desk", native_name="前台", function=T(en="Reception", de="Rezeption", zh="前台"), phone="+86 755 3399 3388"),),
        ),
        "emax": VenueData(
            name=T(en="EMAX Technology Park", de="EMAX Technologiepark", zh="易迈科技园"), kind=VenueKind.COMPANY,
            address_local="深圳市南山区科技园科苑路15号", address_romanised="15 Keyuan Road, Science Park, Nanshan, Shenzhen",
            city=T(en="Shenzhen", zh="深圳"), country="CN", timezone=SHANGHAI, latitude=22.54210, longitude=113.95120,
            website="https://www.example.cn/emax",
            contacts=(ContactData(name="Li Wei", native_name="李伟", function=T(en="Head of International Affairs", de="Leiter Internationales", zh="国际事务部主任"), phone="+86 755 8888 1234", email="li.wei@example.cn"),),
        ),
        "gov": VenueData(
            name=T(en="Shenzhen Municipal Government", de="Stadtregierung Shenzhen", zh="深圳市人民政府"), kind=VenueKind.GOVERNMENT,
            address_local="深圳市福田区福中三路市民中心", address_romanised="Civic Center, Fuzhong 3rd Road, Futian District, Shenzhen",
            city=T(en="Shenzhen", zh="深圳"), country="CN", timezone=SHANGHAI, latitude=22.54340, longitude=114.05790,
            contacts=(ContactData(name="Chen Hong", native_name="陈红", function=T(en="Protocol Office", de="Protokoll", zh="礼宾处"), phone="+86 755 8810 0001"),),
        ),
        "restaurant": VenueData(
            name=T(en="Fenghua Restaurant", de="Restaurant Fenghua", zh="凤华酒家"), kind=VenueKind.RESTAURANT,
            address_local="深圳市福田区益田路6003号", city=T(en="Shenzhen", zh="深圳"), country="CN", timezone=SHANGHAI,
            contacts=(ContactData(name="Wang Fang", native_name="王芳", function=T(en="Manager", zh="经理"), phone="+86 755 2398 7777"),),
        ),
        "szx": VenueData(
            name=T(de="Flughafen Shenzhen Bao'an", en="Shenzhen Bao'an International Airport", zh="深圳宝安国际机场"),
            kind=VenueKind.TRANSPORT_HUB, address_local="深圳市宝安区宝安国际机场", address_romanised="Bao'an International Airport, Shenzhen",
            city=T(en="Shenzhen", zh="深圳"), country="CN", timezone=SHANGHAI, latitude=22.63930, longitude=113.81080,
        ),
    }


def build_demo_trip(db: Database, *, extra_members: int = 0) -> DemoTrip:
    trip = trips.create_trip(db, TripData(
        title=T(de="Delegationsreise Niedersachsen – Shenzhen", en="Lower Saxony delegation to Shenzhen", zh="下萨克森州代表团访问深圳"),
        purpose=T(de="Wirtschafts- und Wissenschaftskooperation mit der Partnerregion Guangdong", en="Economic and scientific cooperation with the partner region of Guangdong", zh="与友好省份广东的经济和科学合作"),
        destination_city=T(de="Shenzhen", en="Shenzhen", zh="深圳"), destination_country="CN", timezone=SHANGHAI,
        first_day=date(2016, 10, 23), last_day=date(2016, 10, 27),
        organiser=T(de="Niedersächsische Staatskanzlei", en="Lower Saxony State Chancellery", zh="下萨克森州州总理府"),
        status=TripStatus.CONFIRMED,
    )).after
    demo = DemoTrip(trip)
    for order, (key, (role, data)) in enumerate(PEOPLE.items(), start=1):
        person = people.create_person(db, data).after
        demo.persons[key] = person
        demo.members[key] = delegation.add_member(
            db, MembershipData(trip_id=trip.id, person_id=person.id, role=role, protocol_order=order,
                               arrival=date(2016, 10, 24) if key == "smith" else None)
        ).after
    for n in range(extra_members):
        person = people.create_person(db, PersonData(
            family_name=f"Mitglied{n:03d}", given_name="Erika", email=f"m{n}@example.org", phone=f"+49 511 555 {n:04d}",
            preferred_language=(Language.DE, Language.EN, Language.ZH)[n % 3], dietary_needs="vegetarian" if n % 4 == 0 else "",
        )).after
        demo.persons[f"x{n}"] = person
        demo.members[f"x{n}"] = delegation.add_member(db, MembershipData(trip_id=trip.id, person_id=person.id)).after
    for key, data in _venues().items():
        demo.venues[key] = venues.create_venue(db, data).after

    def host(venue: str) -> int | None:
        return demo.venues[venue].contacts[0].id if demo.venues[venue].contacts else None

    def add(key: str, kind: ItemKind, title: T, start: datetime, end: datetime, venue: str | None, *,
            only: tuple[str, ...] = (), end_tz: str = "", **extra: object) -> None:
        tz = str(start.tzinfo)
        data = ItemData(
            trip_id=trip.id, kind=kind, title=title, start=start, end=end, timezone=tz, end_timezone=end_tz,
            venue_id=demo.venues[venue].id if venue else None, everyone=not only,
            participant_ids=tuple(demo.member_id(k) for k in only), **extra,  # type: ignore[arg-type]
        )
        demo.items[key] = programme.create_item(db, data).after

    everyone_but_smith = tuple(k for k in PEOPLE if k != "smith")
    add("flight", ItemKind.TRAVEL, T(de="Flug LH 7382 Frankfurt – Shenzhen", en="Flight LH 7382 Frankfurt – Shenzhen", zh="LH 7382 航班 法兰克福 – 深圳"),
        at(23, 13, 45, BERLIN), at(24, 6, 30), "fra", only=everyone_but_smith, end_tz=SHANGHAI,
        transport=T(de="Gemeinsame Anreise mit dem ICE ab Hannover Hbf, 09:41 Uhr", en="Together by ICE from Hannover Hbf, 09:41"))
    add("checkin", ItemKind.CHECK_IN, T(de="Ankunft und Check-in im Hotel", en="Arrival and hotel check-in", zh="抵达并办理酒店入住"),
        at(24, 8, 0), at(24, 9, 0), "hotel", only=everyone_but_smith, host_contact_id=host("hotel"),
        transport=T(de="Bus vom Flughafen", en="Coach from the airport", zh="机场大巴"))
    add("emax", ItemKind.SITE_VISIT, T(de="Besuch des EMAX Technologieparks", en="Visit to EMAX Technology Park", zh="参观易迈科技园"),
        at(24, 10, 0), at(24, 11, 30), "emax", only=("weil", "lies", "zhang", "mueller"), host_contact_id=host("emax"),
        description=T(de="Führung durch die Produktion und Gespräch mit der Geschäftsleitung über Ausbildungspartnerschaften.",
                      en="Tour of the production lines and talks with the management about training partnerships.",
                      zh="参观生产线，并与管理层就培训合作进行会谈。"),
        dress_code=T(de="Geschäftskleidung", en="Business attire", zh="商务正装"), transport=T(de="Bus ab Hotel, 09:30 Uhr", en="Coach from the hotel, 09:30"))
    add("lunch", ItemKind.MEAL, T(de="Mittagessen auf Einladung des Bürgermeisters", en="Lunch hosted by the Mayor", zh="市长午宴"),
        at(24, 12, 0), at(24, 13, 30), "restaurant", host_contact_id=host("restaurant"))
    add("mayor", ItemKind.MEETING, T(de="Gespräch mit dem Bürgermeister von Shenzhen", en="Meeting with the Mayor of Shenzhen", zh="与深圳市市长会谈"),
        at(24, 14, 30), at(24, 16, 0), "gov", only=("weil", "lies", "zhang", "xu"), host_contact_id=host("gov"),
        dress_code=T(de="Dunkler Anzug", en="Dark suit", zh="深色西装"))
    add("press", ItemKind.PRESS, T(de="Pressekonferenz", en="Press conference", zh="新闻发布会"),
        at(25, 9, 0), at(25, 10, 0), "gov", only=("weil", "smith", "zhang"))
    add("uni", ItemKind.SITE_VISIT, T(de="Southern University of Science and Technology: Forschungskooperation", en="Southern University of Science and Technology: research cooperation", zh="南方科技大学：科研合作"),
        at(25, 10, 30), at(25, 12, 30), None, only=("oezdemir", "xu"))
    add("banquet", ItemKind.MEAL, T(de="Abendessen mit der Provinzregierung", en="Dinner with the provincial government", zh="省政府晚宴"),
        at(25, 19, 0), at(25, 21, 30), "restaurant", dress_code=T(de="Dunkler Anzug", en="Dark suit"))
    add("free", ItemKind.FREE_TIME, T(de="Zeit zur freien Verfügung", en="Free time", zh="自由活动"), at(26, 14, 0), at(26, 18, 0), None)
    add("return", ItemKind.TRAVEL, T(de="Rückflug LH 7383 Shenzhen – Frankfurt", en="Return flight LH 7383 Shenzhen – Frankfurt", zh="LH 7383 返程航班 深圳 – 法兰克福"),
        at(27, 23, 55), at(28, 5, 50, BERLIN), "szx", end_tz=BERLIN)
    return demo
