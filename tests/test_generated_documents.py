"""Generated 决算 documents (收支总表, 收入表, 支出表, 财政拨款总表, 一般公共预算表,
政府性基金表) in the layouts the seeds show: consistent ones yield no finding,
and any figure retyped beyond rounding yields a finding at it or naming it."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import budgetlint
from budgetlint.kinds import FINANCIAL

# 支出功能分类 类, in the order and with the 行次 of the 收支总表 (31…56).
CLASSES = [
    "一般公共服务支出",
    "外交支出",
    "国防支出",
    "公共安全支出",
    "教育支出",
    "科学技术支出",
    "文化旅游体育与传媒支出",
    "社会保障和就业支出",
    "卫生健康支出",
    "节能环保支出",
    "城乡社区支出",
    "农林水支出",
    "交通运输支出",
    "资源勘探工业信息等支出",
    "商业服务业等支出",
    "金融支出",
    "援助其他地区支出",
    "自然资源海洋气象等支出",
    "住房保障支出",
    "粮油物资储备支出",
    "国有资本经营预算支出",
    "灾害防治及应急管理支出",
    "其他支出",
    "债务还本支出",
    "债务付息支出",
    "抗疫特别国债安排的支出",
]
CODES = {"社会保障和就业支出": "208", "卫生健康支出": "210", "住房保障支出": "221", "其他支出": "229"}
NUMERALS = "一二三四五六七八九十"
INCOME = [
    "一般公共预算财政拨款收入",
    "政府性基金预算财政拨款收入",
    "国有资本经营预算财政拨款收入",
    "上级补助收入",
    "事业收入",
    "经营收入",
    "附属单位上缴收入",
    "其他收入",
]


def _numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    return ("二十" if n >= 20 else "十") + (NUMERALS[n % 10 - 1] if n % 10 else "")


def _money(cents: int | None) -> str:
    return "" if not cents else f"{Decimal(cents).scaleb(-2):,.2f}"


@st.composite
def budgets(draw):
    """Items (项) under 款 under 类, each with 基本 and 项目 amounts in cents; 229 is 政府性基金."""
    chosen = draw(st.lists(st.sampled_from(sorted(CODES)), min_size=1, max_size=4, unique=True))
    items = []
    for name in chosen:
        code = CODES[name]
        for k in range(1, draw(st.integers(1, 2)) + 1):
            for x in range(1, draw(st.integers(1, 2)) + 1):
                basic = draw(st.integers(0, 5_000_00)) if code != "229" else 0
                project = draw(st.integers(1, 50_000_00))
                items.append((name, f"{code}{k:02d}", f"{code}{k:02d}{x:02d}", basic, project))
    return items


def _coded_rows(items, columns, code_style):
    """合计, then 类/款/项 rows with their sums, as [code, name, *values]."""

    def label(code, name):
        return ["", f"{code} {name}"] if code_style == "inline" else [code, name]

    total = [sum(column(i) for i in items) for column in columns]
    rows = [["", "合计", *map(_money, total)]]
    for lei in dict.fromkeys(i[0] for i in items):
        under = [i for i in items if i[0] == lei]
        rows.append([*label(CODES[lei], lei), *(_money(sum(c(i) for i in under)) for c in columns)])
        for kuan in dict.fromkeys(i[1] for i in under):
            inner = [i for i in under if i[1] == kuan]
            rows.append([*label(kuan, f"{lei}款{kuan[-2:]}"), *(_money(sum(c(i) for i in inner)) for c in columns)])
            for item in inner:
                rows.append([*label(item[2], f"{lei}项{item[2][-4:]}"), *(_money(c(item)) for c in columns)])
    return rows


def _tables(items, code_style):
    spent = lambda i: i[3] + i[4]  # noqa: E731
    general = [i for i in items if i[0] != "其他支出"]
    fund = [i for i in items if i[0] == "其他支出"]
    zero = lambda i: 0  # noqa: E731
    general_total = sum(spent(i) for i in general)
    fund_total = sum(spent(i) for i in fund)
    total = general_total + fund_total
    by_class = {name: sum(spent(i) for i in items if i[0] == name) for name in CODES}
    tables = []

    # 收入支出决算总表: 收入 rows 1…30 | 支出 rows 31…60
    income = {1: general_total, 2: fund_total, 27: total, 30: total}
    spending = {31 + CLASSES.index(name): value for name, value in by_class.items() if value}
    spending.update({57: total, 60: total})
    rows = []
    for n in range(1, 31):
        left = (
            f"{_numeral(n)}、{INCOME[n - 1]}"
            if n <= 8
            else {27: "本年收入合计", 28: "使用非财政拨款结余", 29: "年初结转和结余", 30: "总计"}.get(n, "")
        )
        m = n + 30
        right = (
            f"{_numeral(m - 30)}、{CLASSES[m - 31]}"
            if m <= 56
            else {57: "本年支出合计", 58: "结余分配", 59: "年末结转和结余", 60: "总计"}[m]
        )
        rows.append([left, str(n), _money(income.get(n)), right, str(m), _money(spending.get(m))])
    tables.append(
        (
            "2020年度收入支出决算总表（表1）",
            [
                ["收入", "", "", "支出", "", ""],
                ["项目", "行次", "金额", "项目", "行次", "金额"],
                ["栏次", "", "1", "栏次", "", "2"],
            ],
            rows,
        )
    )

    header = [
        "项目",
        "",
        "本年收入合计",
        "财政拨款收入",
        "上级补助收入",
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
        "其他收入",
    ]
    tables.append(
        (
            "2020年度收入决算表（表2）",
            [header, ["科目编码", "科目名称"] + [""] * 7, ["栏次", ""] + [str(n) for n in range(1, 8)]],
            _coded_rows(items, [spent, spent, zero, zero, zero, zero, zero], code_style),
        )
    )
    header = ["项目", "", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
    tables.append(
        (
            "2020年度支出决算表（表3）",
            [header, ["科目编码", "科目名称"] + [""] * 6, ["栏次", ""] + [str(n) for n in range(1, 7)]],
            _coded_rows(items, [spent, lambda i: i[3], lambda i: i[4], zero, zero, zero], code_style),
        )
    )

    # 财政拨款收入支出决算总表: 收入 by fund | 支出 by class, with 合计 and the three funds
    rows = []
    fiscal_classes = [name for name in CLASSES if by_class.get(name)]
    for index in range(max(3, len(fiscal_classes))):
        left = (
            ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"][index] if index < 3 else ""
        )
        left_value = [general_total, fund_total, 0][index] if index < 3 else 0
        if index < len(fiscal_classes):
            name = fiscal_classes[index]
            g = sum(spent(i) for i in general if i[0] == name)
            f = sum(spent(i) for i in fund if i[0] == name)
            right = [
                f"{_numeral(CLASSES.index(name) + 1)}、{name}",
                str(101 + index),
                _money(g + f),
                _money(g),
                _money(f),
                "",
            ]
        else:
            right = ["", str(101 + index), "", "", "", ""]
        rows.append([left, str(index + 1) if left else "", _money(left_value), *right])
    tables.append(
        (
            "2020年度财政拨款收入支出决算总表（表4）",
            [
                ["收入", "", "", "支出", "", "", "", "", ""],
                [
                    "项目",
                    "行次",
                    "金额",
                    "项目",
                    "行次",
                    "合计",
                    "一般公共预算财政拨款",
                    "政府性基金预算财政拨款",
                    "国有资本经营预算财政拨款",
                ],
                ["栏次", "", "1", "栏次", "", "2", "3", "4", "5"],
            ],
            rows,
        )
    )

    if general:
        tables.append(
            (
                "2020年度一般公共预算财政拨款支出决算表（表5）",
                [["项目", "", "小计", "基本支出", "项目支出"], ["栏次", "", "1", "2", "3"]],
                _coded_rows(general, [spent, lambda i: i[3], lambda i: i[4]], code_style),
            )
        )
    if fund:
        header = ["项目", "", "年初结转和结余", "本年收入", "本年支出", "基本支出", "项目支出", "年末结转和结余"]
        tables.append(
            (
                "2020年度政府性基金预算财政拨款收入支出决算表（表8）",
                [header, ["栏次", ""] + [str(n) for n in range(1, 7)]],
                _coded_rows(fund, [zero, spent, spent, lambda i: i[3], lambda i: i[4], zero], code_style),
            )
        )
    basic = sum(i[3] for i in general)
    if basic:
        tables.append(_basic_detail(basic))
    tables.append(_three_public(sum(i[4] for i in items)))
    tables.append(
        (
            "2020年度国有资本经营预算财政拨款支出决算表（表9）",
            [["项目", "", "合计", "基本支出", "项目支出"], ["栏次", "", "1", "2", "3"]],
            [["", "合计", "", "", ""]],
        )
    )
    return tables


def _split(total: int, parts: int) -> list[int]:
    """``total`` cents in ``parts`` shares that add up exactly."""
    share = total // parts
    return [share] * (parts - 1) + [total - share * (parts - 1)]


def _basic_detail(basic: int):
    """基本支出明细表: 人员经费 (301, 303) | 公用经费 (302) | 公用经费 (310), side by side."""
    staff = basic * 7 // 10
    public = basic - staff
    wages, benefits = _split(staff, 2)
    office, capital = public - public // 5, public // 5
    groups = [
        [("301", "工资福利支出", wages)]
        + [
            (f"3010{n}", name, v)
            for n, (name, v) in enumerate(zip(["基本工资", "津贴补贴"], _split(wages, 2), strict=True), 1)
        ]
        + [("303", "对个人和家庭的补助", benefits), ("30302", "退休费", benefits)],
        [("302", "商品和服务支出", office)]
        + [
            (f"3020{n}", name, v)
            for n, (name, v) in enumerate(zip(["办公费", "印刷费", "水费"], _split(office, 3), strict=True), 1)
        ],
        [("310", "资本性支出", capital), ("31002", "办公设备购置", capital)],
    ]
    rows = []
    for index in range(max(map(len, groups))):
        row = []
        for group in groups:
            code, name, value = group[index] if index < len(group) else ("", "", 0)
            row += [code, name, _money(value)]
        rows.append(row)
    rows.append(["", "人员经费合计", _money(staff), "", "公用经费合计", _money(public), "", "", ""])
    header = [["人员经费", "", "", "公用经费", "", "", "", "", ""], ["科目编码", "科目名称", "决算数"] * 3]
    return ("2020年度一般公共预算财政拨款基本支出决算表（表6）", header, rows)


def _three_public(project: int):
    """“三公”经费支出决算表: one row, 预算数 1…6 and 决算数 7…12."""
    budget = [project % 50_00, project % 30_00, project % 20_00, project % 7_00]  # abroad, buying, running, hosting
    actual = [v * 9 // 10 for v in budget]

    def side(abroad, buying, running, hosting):
        cars = buying + running
        return [abroad + cars + hosting, abroad, cars, buying, running, hosting]

    row = [_money(v) if v else "0.00" for v in side(*budget) + side(*actual)]
    header = [
        ["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
        ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"] * 2,
        ["", "", "小计", "公务用车购置费", "公务用车运行费", ""] * 2,
        [str(n) for n in range(1, 13)],
    ]
    return ("2020年度一般公共预算财政拨款“三公”经费支出决算表（表7）", header, [row])


def _budget_tables(items, code_style):
    """预算: 财政拨款收支总表, 一般公共预算支出表, 一般公共预算基本支出表, 部门收支总表,
    部门收入总表, 部门支出总表, for items all paid by the 一般公共预算."""
    items = [i for i in items if i[0] != "其他支出"] or [("卫生健康支出", "21001", "2100101", 100, 200)]
    basic = sum(i[3] for i in items)
    project = sum(i[4] for i in items)
    total = basic + project
    staff = basic * 7 // 10
    public = basic - staff
    function_rows = []
    for name in dict.fromkeys(i[0] for i in items):
        function_rows.append([f"{CODES[name]} {name}", _money(sum(i[3] + i[4] for i in items if i[0] == name))])
    economic = [
        ["301 工资福利支出", _money(staff)],
        ["302 商品和服务支出", _money(public)],
        ["303 对个人和家庭的补助", _money(project)],
    ]
    income = [
        ["一、一般公共预算收入", _money(total)],
        ["1.财政拨款收入", _money(total)],
        ["2.纳入预算管理的非税收入安排的拨款", ""],
        ["二、政府性基金预算财政拨款收入", ""],
        ["三、事业收入", ""],
        ["四、上级补助收入", ""],
        ["五、附属单位上缴收入", ""],
        ["六、事业单位经营收入", ""],
        ["七、其他收入", ""],
        ["八、用事业基金弥补收支差额", ""],
    ]
    fiscal_income = [
        ["一、一般公共预算收入", _money(total)],
        ["1.财政拨款收入", _money(total)],
        ["2.纳入预算管理的非税收入安排的拨款", ""],
        ["二、政府性基金财政拨款收入", ""],
    ]
    kinds = [
        ["支出项目类别", ""],
        ["一、基本支出", _money(basic)],
        ["1.工资福利支出", _money(staff)],
        ["2.对个人和家庭的补助", ""],
        ["3.商品和服务支出", _money(public)],
        ["二、项目支出", _money(project)],
        ["1.部门项目", _money(project)],
        ["2.公共项目", ""],
        ["部门预算支出经济分类", ""],
        *economic,
    ]

    def summary(title: str, income: list[list[str]], kinds: list[list[str]]):
        rows = []
        for index in range(max(len(income), len(function_rows), len(kinds))):
            row = []
            for side in (income, function_rows, kinds):
                row += side[index] if index < len(side) else ["", ""]
            rows.append(row)
        rows.append(["本年收入合计", _money(total), "本年支出合计", _money(total), "本年支出合计", _money(total)])
        rows.append(["", "", "结转下年", "", "结转下年", ""])
        rows.append(["上年结转", "", "", "", "", ""])
        rows.append(["收入总计", _money(total), "支出总计", _money(total), "支出总计", _money(total)])
        header = [
            ["收入", "", "支出", "", "", ""],
            ["项目", "预算数", "项目（按功能分类）", "预算数", "项目", "预算数"],
        ]
        return (title, header, rows)

    def spend(item):
        return item[3] + item[4]

    numbered = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ["1", "2", "3", "4", "5"]]
    wages = _split(staff, 2)
    offices = _split(public, 2)
    economic_rows = [
        ["", "合计", _money(basic), _money(staff), _money(public)],
        ["301", "工资福利支出", _money(staff), _money(staff), ""],
        ["30101", "基本工资", _money(wages[0]), _money(wages[0]), ""],
        ["30102", "津贴补贴", _money(wages[1]), _money(wages[1]), ""],
        ["302", "商品和服务支出", _money(public), "", _money(public)],
        ["30201", "办公费", _money(offices[0]), "", _money(offices[0])],
        ["30202", "印刷费", _money(offices[1]), "", _money(offices[1])],
    ]
    by_item = [spend, lambda i: i[3], lambda i: i[4]]
    return [
        # As in seed 004, 表一 leaves its 支出项目类别 blank and fills the 经济分类 rows.
        summary("2021 年财政拨款收支预算总表", fiscal_income, [[label, ""] for label, _ in kinds[:9]] + kinds[9:]),
        ("2021 年一般公共预算支出表", numbered, _coded_rows(items, by_item, code_style)),
        (
            "2021 年一般公共预算基本支出表",
            [["经济科目编码", "经济科目名称", "合计", "人员支出", "公用经费"], ["1", "2", "3", "4", "5"]],
            economic_rows,
        ),
        summary("2021 年部门收支总表", income, kinds),
        (
            "2021 年部门收入总表",
            [],
            [
                ["总计", _money(total)],
                ["一、一般公共预算", _money(total)],
                ["1.财政拨款收入", _money(total)],
                ["2.纳入预算管理的非税收入安排的拨款", ""],
            ],
        ),
        (
            "2021 年部门支出总表",
            [["科目编码", "科目名称", "总计", "基本支出", "项目支出"], ["1", "2", "3", "4", "5"]],
            _coded_rows(items, by_item, code_style),
        ),
    ]


def _render(tables, layout):
    lines = ["某局 2020 年度部门决算", ""]
    for title, header, rows in tables:
        lines += [title, "部门：某局", "单位：万元", ""]
        for row in header + rows:
            if layout == "tab":
                lines.append("\t".join(row))
            else:  # one cell per line, rows separated by blank lines
                lines.extend("\t" + cell for cell in row)
                lines.append("")
        lines += ["", "注：本表反映部门本年度情况。", ""]
    return "\n".join(lines) + "\n"


documents = st.tuples(
    budgets(),
    st.sampled_from(["tab", "cell"]),
    st.sampled_from(["column", "inline"]),
    st.sampled_from(["决算", "预算"]),
)


def _document(case) -> str:
    items, layout, code_style, family = case
    tables = _tables(items, code_style) if family == "决算" else _budget_tables(items, code_style)
    return _render(tables, layout)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_a_consistent_generated_document_yields_nothing(case):
    text = _document(case)
    kinds = {t.kind for t in budgetlint.read_text(text).tables}
    if case[3] == "决算":
        expected = {"收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "三公经费支出决算表"}
        expected |= {"国有资本经营预算财政拨款支出决算表"}
        assert kinds >= expected
    else:
        expected = {"财政拨款收支总表", "一般公共预算支出表", "一般公共预算基本支出表", "部门收支总表", "部门收入总表"}
        assert kinds == expected | {"部门支出总表"}
    assert [d.format() for d in budgetlint.lint_text(text)] == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.data())
def test_a_retyped_figure_is_found_or_named(case, data):
    text = _document(case)
    document = budgetlint.read_text(text)
    figures = [
        cell.figure
        for table in document.tables
        if table.kind in FINANCIAL
        for row in table.rows
        for cell in row.cells
        if cell is not None and cell.figure is not None
    ]
    figure = data.draw(st.sampled_from(figures))
    span = figure.span
    lines = text.split("\n")
    line = lines[span.line - 1]
    lines[span.line - 1] = (
        line[: span.column - 1] + f"{figure.value + Decimal('1.00'):.2f}" + line[span.end_column - 1 :]
    )
    found = budgetlint.lint_text("\n".join(lines))
    places = {(d.line, d.column) for d in found} | {(r.line, r.column) for d in found for r in d.related}
    assert (span.line, span.column) in places, (figure, [d.format() for d in found])
