"""Token ID and token: a ChatML-formatted SFT sample (system, user and
assistant turns between <|im_start|> and <|im_end|>) and, below, the table of
its 33 tokens with their IDs, coloured by turn as in the sample."""
from llmviz_dsl import Cell, Col, Column, Diagram, Grid, Row, Span, Table, Text, TRow, same

SYSTEM, USER, ANSWER = "grass", "rust", "purple"      # token colours in the table
START, END, NL = same("<|im_start|>"), same("<|im_end|>"), same("\\n")

# (token ID, token, colour of the ID, colour of the token, bold)
TOKENS = [
    ("151644", START, None, None, False), ("8948", same("system"), None, None, True), ("198", NL, None, None, False),
    ("2610", same("You"), SYSTEM, SYSTEM, False), ("525", same("are"), SYSTEM, SYSTEM, False),
    ("264", same("a"), SYSTEM, SYSTEM, False), ("10950", same("helpful"), SYSTEM, SYSTEM, False),
    ("17847", same("assistant"), SYSTEM, SYSTEM, False), ("13", ".", None, SYSTEM, False),
    ("151645", END, None, None, False), ("198", NL, None, None, False),
    ("151644", START, None, None, False), ("872", same("user"), None, None, True), ("198", NL, None, None, False),
    ("100422", ("虎", "Can"), USER, USER, True), ("99888", ("皮", "dogs"), USER, USER, True),
    ("99467", ("青", "eat"), USER, USER, True), ("101667", ("椒", "ch"), USER, USER, True),
    ("11622", ("用", "ocolate"), USER, USER, True), ("99245", ("什么", "or"), USER, USER, True),
    ("99190", ("做", "not"), USER, USER, True), ("11319", ("？", "?"), USER, USER, True),
    ("151645", END, None, None, False), ("198", NL, None, None, False),
    ("151644", START, None, None, False), ("77091", same("assistant"), None, None, True),
    ("198", NL, None, None, False),
    ("99467", ("青", "No"), ANSWER, ANSWER, True), ("101667", ("椒", ","), ANSWER, ANSWER, True),
    ("3837", ("，", "it's"), ANSWER, ANSWER, True), ("115436", ("大蒜", "toxic"), ANSWER, ANSWER, True),
    ("1773", ("。", "."), ANSWER, ANSWER, True), ("151645", END, None, None, False),
]


HALF = 17      # rows per half: tokens 1-17 on the left, 18-34 on the right


def cells(i):
    """The cells of token i (from 1); past the last token they stay empty."""
    if i > len(TOKENS):
        return [""] * 3
    tid, token, id_color, color, bold = TOKENS[i - 1]
    return [Cell(str(i), bold=True), Cell(tid, color=id_color), Cell(token, color=color, bold=bold)]


def columns(rule=None):
    return [Col(("序号", ""), width=230, color="blue-dark", rule=rule, rule_color="blue"),
            Col(same("Token ID"), width=230), Col(("词元", "Token"), width=240)]


# The two halves of the list side by side, a double rule between them.
table = Table(columns=columns() + columns(rule="double"),
              rows=[TRow(*cells(i), *cells(i + HALF), fill="panel-blue" if i % 2 else None)
                    for i in range(1, HALF + 1)],
              fill="white", sep="table-line", outline="table-line", row_height=52, text_size=27,
              header_fill="white", header_color="blue-dark", header_bold=True, header_size=27, header_height=82)


def line(*runs):
    """A line of the ChatML sample: (text, colour, bold) runs side by side."""
    return Row(*[Text(None, s, color=c, bold=b, size=29, pad=0) for s, c, b in runs], gap=0)


chatml = Column(
    line((START, "text", False), (same("system"), "text", True)),
    line((same("You are a helpful assistant."), "grass", False), (END, "text", False)),
    line((START, "text", False), (same("user"), "text", True)),
    line((("虎皮青椒用什么做？", "Can dogs eat chocolate or not?"), "orange", False), (END, "text", False)),
    line((START, "text", False), (same("assistant"), "text", True)),
    line((("青椒，大蒜。", "No, it's toxic."), "purple", False), (END, "text", False)),
    gap=13, align="start")

diagram = Diagram(
    id="token-id-mapping",
    chapter=("SFT", "SFT"),
    title=("Token ID与词元的映射关系", "Token ID and Token"),
    body=Grid(col_gap=90, row_gap=24, col_align=["start", "start"], rows=[
        [Text(None, ("一条ChatML格式的SFT数据：", "A piece of ChatML\nformatted SFT data："), font="serif", size=32,
              align="left"), chatml],
        [Span(table, cols=2)],
    ]),
)
