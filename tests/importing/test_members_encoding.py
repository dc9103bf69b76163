"""Which encoding a CSV member list is read with: the heuristic of planner.importing.members.encoding."""

from __future__ import annotations

import codecs

import pytest

from planner.importing.members import MemberFileError
from planner.importing.members.encoding import decode_text

GERMAN = "Nachname;Vorname;Organisation\r\nMüller;Jörg;Stadtwerke Köln\r\nGroß;Björn;Gärtnerei Weiß\r\nNoël;René;Café Crème\r\n"
CHINESE = "姓;名;单位;职务\r\n许;勤;深圳市人民政府;市长\r\n陈;静;深圳市外事办公室;处长\r\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (CHINESE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + GERMAN.encode("utf-8"), "utf-8-sig"),
        (GERMAN.encode("utf-16"), "utf-16"),
        (CHINESE.encode("gbk"), "gb18030"),
        (CHINESE.encode("gb18030"), "gb18030"),
        (GERMAN.encode("cp1252"), "cp1252"),
    ],
)
def test_each_way_lists_arrive_is_read_back_exactly(data: bytes, encoding: str) -> None:
    text, found = decode_text(data)
    assert found == encoding
    assert text in (GERMAN, CHINESE)


def test_german_text_that_gb18030_would_also_decode_is_read_as_cp1252() -> None:
    """"Müller" in cp1252 is valid GB18030 ("M黮ler"), but those characters are not everyday Chinese."""
    data = "Müller;Jörg;Straße;Köln;Gärtner\r\n".encode("cp1252")
    assert data.decode("gb18030")  # the trap is real
    text, found = decode_text(data)
    assert (text, found) == ("Müller;Jörg;Straße;Köln;Gärtner\r\n", "cp1252")


def test_chinese_with_rare_characters_outside_gb2312_is_still_gbk() -> None:
    data = "姓;名;中文姓名\r\n王;镕;王镕\r\n朱;镕;朱镕\r\n".encode("gbk")
    text, found = decode_text(data)
    assert found == "gb18030"
    assert "王镕" in text


def test_gbk_that_cp1252_would_also_decode_is_read_as_chinese() -> None:
    data = "中文;姓;名".encode("gbk")
    assert data.decode("cp1252") == "ÖÐÎÄ;ÐÕ;Ãû"  # the trap is real
    assert decode_text(data) == ("中文;姓;名", "gb18030")


def test_binary_data_is_refused_as_not_text() -> None:
    with pytest.raises(MemberFileError, match="binary data"):
        decode_text(bytes(range(256)) * 4)


def test_control_characters_all_over_make_a_file_binary() -> None:
    with pytest.raises(MemberFileError, match="binary data"):
        decode_text(b"Name\x01\x02\x03\x04;Vorname\x05\x06\r\n")


def test_german_words_with_two_umlauts_in_a_row_stay_cp1252() -> None:
    """"Größe" puts ö and ß side by side, which GB18030 reads as one everyday character (but with a rare one nearby)."""
    data = "Nachname;Funktion\r\nSüß;Leiterin Größenforschung\r\nMüller;Füße\r\n".encode("cp1252")
    assert decode_text(data) == ("Nachname;Funktion\r\nSüß;Leiterin Größenforschung\r\nMüller;Füße\r\n", "cp1252")


def test_a_single_nul_makes_a_file_binary() -> None:
    with pytest.raises(MemberFileError, match="binary data"):
        decode_text(b"Nachname;Vorname\r\nM\x00ller;Anna\r\n")


def test_bytes_no_candidate_can_decode_are_refused_by_name() -> None:
    # 0x81 is undefined in cp1252, and 0x81 0x20 is no GB18030 sequence.
    with pytest.raises(MemberFileError, match="not text in a known encoding"):
        decode_text(b"Name\r\n\x81 \x81 \xff\r\n")


def test_a_broken_byte_after_a_utf8_bom_is_named() -> None:
    with pytest.raises(MemberFileError) as info:
        decode_text(codecs.BOM_UTF8 + b"Name\r\nM\xfcller\r\n")
    assert info.value.message() == "The file says it is UTF-8, but the byte at position 10 is not valid UTF-8."
