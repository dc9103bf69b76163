"""The line-breaking rules one by one, on the sentences the documents print, and the face each character is set in."""

from __future__ import annotations

from planner.export.pdf.fonts import FONT, LATIN, LATIN_BOLD, missing_glyphs, register_fonts, runs, text_width
from planner.export.pdf.linebreak import OVERHANG, break_opportunities, fill


def pieces(text: str) -> list[str]:
    stops = (0, *break_opportunities(text), len(text))
    return [text[a:b] for a, b in zip(stops, stops[1:])]


def lines(text: str, width: float, advance: float = 10.0) -> list[str]:
    """`text` filled into lines of `width`, every character `advance` wide."""
    return [text[a:b] for a, b in fill(text, width, [advance] * len(text))]


def test_chinese_breaks_between_characters_but_not_before_closing_or_after_opening_punctuation() -> None:
    found = pieces("深圳市人民政府（市民中心）会见代表团，双方互赠礼品。")
    assert "（市" in found and "心）" in found and "团，" in found and "品。" in found
    assert not any(piece[0] in "，。）" for piece in found) and not any(piece.endswith("（") for piece in found)


def test_latin_words_and_numbers_inside_chinese_stay_whole() -> None:
    found = pieces("许勤（Xu Qin）在Hannover Messe参观，共25人")
    assert "Hannover " in found and "Messe" in "".join(found) and not any(p in ("Han", "nover") for p in found)
    assert any(piece.startswith("25") for piece in found)


def test_phone_numbers_times_dates_and_addresses_are_never_split() -> None:
    for whole in ("+86 755 0000 / 311", "+49 511 168-0", "(0511) 168 4 23 11", "09:30–11:30", "9:30 am – 11:30 am",
                  "2016年10月25日", "25. Oktober 2016", "October 25, 2016", "25.10.2016",
                  "info@hannover-stadt.de", "https://www.hannover.de/rathaus", "粤B·A0002", "H-LH 101"):
        text = f"Kontakt für Rückfragen {whole} bitte 联系电话 {whole}。"
        assert all(not (text.index(whole) < at < text.index(whole) + len(whole)) for at in break_opportunities(text)), whole


def test_a_phone_number_that_does_not_fit_moves_whole_to_the_next_line() -> None:
    text = "Zhao Lei, Stellvertretender Leiter, +86 755 0000 331"
    assert lines(text, 400) == ["Zhao Lei, Stellvertretender Leiter,", "+86 755 0000 331"]


def test_quotes_stay_with_the_words_they_enclose_in_german_and_chinese() -> None:
    assert "„Internationale " in pieces("Ausgang „Internationale Ankunft“, Terminal 3")
    assert "Ankunft“, " in pieces("Ausgang „Internationale Ankunft“, Terminal 3")
    chinese = pieces("探讨“设计之都”深圳与“音乐之都”汉诺威")
    assert not any(piece.endswith("“") or piece.startswith("”") for piece in chinese)


def test_no_single_chinese_character_alone_on_the_last_line() -> None:
    text = "深圳市人民政府在市民中心欢迎代表团。"  # 18 characters, 17 fit: greedy would leave "团。" alone below
    result = lines(text, 170.0)
    assert len(result) == 2 and sum(ch.isalnum() for ch in result[-1]) >= 2, result


def test_a_word_wider_than_the_line_is_cut_only_when_it_misses_by_more_than_a_letter() -> None:
    assert lines("Ernährungshinweise", 180 - OVERHANG / 2) == ["Ernährungshinweise"]
    url = "https://www.example.org/a/very/long/path"  # kept whole, but wider than a line: broken where Unicode allows
    assert lines(url, 100) == ["https://", "www.exampl", "e.org/a/", "very/long/", "path"]  # …and cut where it does not
    assert lines("Flughafenstraße 4, 30855 Langenhagen", 200) == ["Flughafenstraße 4,", "30855 Langenhagen"]


def test_runs_set_latin_in_noto_and_chinese_in_wenquanyi_with_shared_marks_following_their_text() -> None:
    register_fonts()
    assert runs("Xu Qin 许勤") == [("Xu Qin ", LATIN), ("许勤", FONT)]
    assert runs("„Rathaus“ – Empfang…") == [("„Rathaus“ – Empfang…", LATIN)]
    assert runs("他说：“欢迎……”") == [("他说：“欢迎……”", FONT)]
    assert runs("Empfang", bold=True) == [("Empfang", LATIN_BOLD)]
    assert text_width("…", 10) < text_width("……", 10) and text_width("“", 10) < runs_width("说“")


def runs_width(text: str) -> float:
    """Width of the last character of `text` as it is set there (a Chinese quote is full width)."""
    return text_width(text, 10) - text_width(text[:-1], 10)


def test_an_address_or_a_title_breaks_between_words_where_one_is_near() -> None:
    assert lines("广东省深圳市南山区华侨城深南大道9009号", 140) == ["广东省深圳市南山区华侨城", "深南大道9009号"]
    assert lines("深圳宝安国际机场T3航站楼", 100) == ["深圳宝安国际机场T3", "航站楼"]
    assert "9009号" in "".join(pieces("深南大道9009号")) and not any(p.startswith("号") for p in pieces("深南大道9009号"))


def test_chinese_body_text_still_fills_its_lines() -> None:
    text = "与林志远副市长会谈，探讨联合国教科文组织“设计之都”深圳与“音乐之都”汉诺威之间的合作。"
    assert [len(line) for line in lines(text, 200)][:2] == [19, 20]  # full lines (织 stays with its quote), not words


def test_the_company_a_lonely_last_character_gets_is_a_whole_word_where_one_is_near() -> None:
    assert lines("深圳宝安国际机场T3航站楼", 120) == ["深圳宝安国际机场T3", "航站楼"]  # not "…T3航" / "站楼"
    assert all(len(line) > 1 for line in lines("深圳市民中心（深圳市人民政府）", 50))


def test_a_space_only_one_face_has_is_set_in_that_face() -> None:
    register_fonts()
    assert runs("a\u3000b") == [("a", LATIN), ("\u3000", FONT), ("b", LATIN)]  # the ideographic space: Noto has none
    assert not missing_glyphs("Xu\u3000Qin 9:30\u202fAM 许\u202f勤")


def test_digits_and_signs_follow_the_text_around_them() -> None:
    """A Chinese date or phone line is one run in the Chinese face; a German time stays in the Latin face."""
    register_fonts()
    assert runs("2016年10月25日") == [("2016年10月25日", FONT)]
    assert runs("电话：+86 755 0000 301") == [("电话：+86 755 0000 301", FONT)]
    assert runs("Treffpunkt 16:00–16:30 Uhr") == [("Treffpunkt 16:00–16:30 Uhr", LATIN)]
    assert runs("09:30–11:30") == [("09:30–11:30", LATIN)]
