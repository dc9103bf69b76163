"""Member lists as partners send them, built in code so every test states its own content."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from planner.db import models as m
from planner.db.engine import Database

#: The list from the Shenzhen partner: GBK, semicolons, Chinese headers, a running number nobody needs.
CHINESE_HEADER = ["序号", "姓", "名", "中文姓名", "单位", "职务", "角色", "邮箱", "电话", "语言", "国籍", "护照号码", "护照有效期", "饮食要求", "备注"]
CHINESE_ROWS = [
    ["1", "Xu", "Qin", "许勤", "深圳市人民政府", "市长", "团长", "xu.qin@sz.gov.cn", "+86 755 8888 0001", "中文", "中国", "E12345678", "2030年12月31日", "清真", ""],
    ["2", "Chen", "Jing", "陈静", "深圳市外事办公室", "处长", "工作人员", "chen.jing@fao.sz.gov.cn", "+86 755 8888 0002", "英语", "CN", "E23456789", "2029/06/30", "", "负责联络"],
    ["3", "Liu", "Yang", "刘洋", "深圳市文化创意产业协会", "秘书长", "成员", "liu.yang@", "+86 755 8888 0003", "中文", "中国", "E34567890", "2031-01-15", "", ""],
    ["4", "", "Wei", "王伟", "深圳大学", "教授", "成员", "wang.wei@szu.edu.cn", "", "中文", "中国", "", "", "", ""],
    ["5", "Zhang", "Min", "张敏", "深圳报业集团", "记者", "司机", "zhang.min@sznews.com", "", "中文", "中国", "", "", "", ""],
    ["6", "Li", "Na", "李娜", "腾讯", "经理", "成员", "li.na@example.cn", "", "中文", "中国", "E45678901", "2030年13月45日", "", ""],
    ["7", "Zhao", "Lei", "赵磊", "深圳大学", "副教授", "成员", "zhao.lei@szu.edu.cn", "", "法语", "中国", "", "", "", ""],
    ["8", "Huang", "Xiaowen", "黄晓雯", "EMAX Technology", "高级翻译", "翻译", "huang.xiaowen@example.cn", "+86 138 0000 0008", "德语", "中国", "E56789012", "31.12.2032", "素食", ""],
    ["9", "Xu", "Qin", "许勤", "深圳市人民政府", "市长", "团长", "", "", "中文", "中国", "", "", "", ""],
    ["10", "Wang", "Rong", "王镕", "深圳市工业和信息化局", "局长", "成员", "wang.rong@sz.gov.cn", "", "", "中国", "", "", "", ""],
]
#: Spreadsheet row numbers (the header is row 1): which rows are good, and what is wrong with the others.
CHINESE_GOOD_ROWS = [2, 3, 9, 11]
CHINESE_BAD_ROWS = {
    4: ("邮箱", "“liu.yang@” is not a valid e-mail address."),
    5: ("姓", "Family name must not be empty."),
    6: ("角色", "“司机” is not a role the planner knows"),
    7: ("护照有效期", "“2030年13月45日” is not a date the planner can read"),
    8: ("语言", "“法语” is not a language the planner knows"),
    10: ("姓", "Xu Qin (许勤) is listed in row 2 already."),
}


def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[Any]], *, delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def chinese_partner_csv() -> bytes:
    return csv_bytes(CHINESE_HEADER, CHINESE_ROWS, delimiter=";", encoding="gbk")


def xlsx_bytes(header: Sequence[Any], rows: Sequence[Sequence[Any]], *, date_format: str = "dd.mm.yyyy") -> bytes:
    """A workbook as Excel saves it: dates as date cells with a number format."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, (date, datetime)):
                cell.number_format = date_format
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def counts(db: Database) -> dict[str, int]:
    with db.reading() as s:
        return {t.__tablename__: int(s.scalar(select(func.count()).select_from(t)) or 0) for t in (m.Person, m.Membership, m.Trip)}
