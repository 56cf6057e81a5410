"""Beam search (beam size 2): at each step every kept prefix fans out to its
candidate tokens, with the token's probability and the sequence's cumulative
one; the two most probable sequences (highlighted) are kept, the others cut
(scissors), until the best sequence is taken as the result."""
from llmviz_dsl import Cell, Col, Column, Diagram, Edge, Grid, Lang, Node, Span, Table, Text, TRow, same, sized

BRANCHES = dict(fill="band", sep=None, outline=None, text_size=21, row_height=52, header_vertical=True,
                mark_size=19, mark_rotate=-45)      # scissors lying on their side, blades to the upper left


def step(id, prefix, rows, headers=False):
    """One decoding step of one beam: the prefix, its candidates (token,
    probability, cumulative probability); kept rows have an id."""
    cols = [Col(sized(("候选词", "Candidate"), en=16) if headers else None),
            Col(sized(("当前词概率", "Current Probability"), en=16) if headers else None, color="warm-grey"),
            Col(sized(("累计概率", "Total Probability"), en=16) if headers else None, color="warm-grey")]
    return Table(id=f"s{id}", root=Cell(prefix, bold=True, id=f"p{id}"), columns=cols, rows=rows,
                 root_header=sized(("前缀", "Context"), en=16) if headers else None, **BRANCHES)


def cut(token, p, total):
    return TRow(token, p, total, mark="scissors")


def keep(id, token, p, total):
    return TRow(token, p, Cell(total, bold=True), fill="model", id=id)


def title(n):
    """A step's title: in Chinese with a block arrow under it; in English
    the block arrows stand between the titles (between())."""
    text = Text(None, (f"Step {n}: 选Top 2", f"Step {n}: Top 2"), size=21)
    down = Node(None, None, shape="arrow", direction="down", fill="light-grey", width=138, height=30)
    return Span(Lang(zh=Column(text, down, gap=8), en=text), align="center")


def between():
    """The gap column between two steps: a right block arrow in English, as
    wide an empty space in Chinese."""
    return Lang(zh=Node(None, None, shape="plain", width=117, height=1),
                en=Node(None, None, shape="arrow", direction="right", fill="light-grey", width=117, height=51))


def elided():
    return TRow(ellipsis=True, mark="scissors")


s1 = step("1", sized(("你", "How"), en=16), [keep("c1a", ("好", "are"), "0.3", "0.3"), cut(same("有"), "0.1", "0.1"),
                              keep("c1b", ("在", "was"), "0.4", "0.4"), elided()], headers=True)
s2a = step("2a", ("你好", "How\nare"), [cut(same("吗"), "0.1", "0.03"), cut(same("呀"), "0.05", "0.015"),
                                      keep("c2a", ("棒", "you"), "0.4", "0.12"), elided()])
s2b = step("2b", ("你在", "How\nwas"), [keep("c2b", ("哪里", "the"), "0.25", "0.1"),
                                      cut(same("吗"), "0.2", "0.08"), cut(same("干"), "0.1", "0.04"), elided()])
s3a = step("3a", ("你好棒", "How\nare\nyou"), [keep("c3a", ("哦", ","), "0.3", "0.036"),
                                           cut(same("<END>"), "0.1", "0.012"),
                                           keep("c3b", ("！", "?"), "0.4", "0.048"), elided()])
s3b = step("3b", ("你在哪里", "How\nwas\nthe"), [cut(same("？"), "0.3", "0.03"), cut(same("玩"), "0.1", "0.01"),
                                            cut(same("呢"), "0.2", "0.02"), elided()])

diagram = Diagram(
    id="beam-search",
    chapter=("免训练的优化技术", "Optimization without training"),
    title=("波束搜索（Beam Search）", "Beam Search"),
    body=Grid(rows=[[title(1), between(), title(2), between(), title(3)],
                    [Span(Column(s1, Text("start", ("开始", "Beginning"), color="warm-grey", size=21), gap=24),
                          rows=2),
                     None, s2a, None, s3a, Node("more", "...", shape="plain", size=37, bold=True)],
                    [None, s2b, None, s3b],
                    [Node("beam", ("Beam大小=2", "Beam Size=2"), fill="model", shape="box", size=21, width=150),
                     None,
                     Node("final", ("你好棒！", "How are you?"), fill="loss", shape="box", size=21, width=245)]],
              col_gap=12, col_gaps=[12, 12, 12, 12, 120], row_gap=40, align="start"),
    # Each kept sequence becomes the prefix of a beam in the next step.
    edges=[Edge(f"{kept}.right", f"{prefix}.left", style="dotted", route="straight")
           for kept, prefix in [("c1a", "p2a"), ("c1b", "p2b"), ("c2a", "p3a"), ("c2b", "p3b")]]
    + [Edge("more.right", "final.right", style="dotted", label_side="bottom", label_size=21, label_at=0.8,
            label=("选Top-1，作为最终结果", "Top-1 as the final generation"))],
)
