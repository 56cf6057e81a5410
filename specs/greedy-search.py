"""Greedy search: at each step the prefix fans out to its candidate tokens
with their probabilities; only the most probable one (highlighted) is kept,
the others are cut (scissors), and the chosen token extends the prefix of the
next step, until the final sequence."""
from llmviz_dsl import Cell, Col, Column, Diagram, Edge, Grid, Node, Table, Text, TRow, same, sized

BRANCHES = dict(fill="band", sep=None, outline=None, text_size=21, row_height=52, header_vertical=True,
                mark_size=19, mark_rotate=-45)      # scissors lying on their side, blades to the upper left
CHOSEN = "data"


def step(n, prefix, rows, level_with=None, headers=False):
    """One decoding step: the prefix, its candidates (token, probability);
    the chosen row is the one with an id."""
    cols = [Col(sized(("候选词", "Candidate"), en=16) if headers else None),
            Col(sized(("概率", "Probability"), en=16) if headers else None, color="warm-grey")]
    return Table(id=f"s{n}", root=Cell(prefix, bold=True, id=f"p{n}"), columns=cols, rows=rows,
                 root_header=sized(("前缀", "Context"), en=16) if headers else None, level_with=level_with, **BRANCHES)


def cut(token, p):
    return TRow(token, p, mark="scissors")


def keep(id, token, p):
    return TRow(token, p, fill=CHOSEN, id=id)


def elided():
    return TRow(ellipsis=True, mark="scissors")


s1 = step(1, sized(("你", "How"), en=16), [cut(same("好"), "0.3"), cut(same("有"), "0.1"), keep("c1", ("在", "are"), "0.4"),
                            elided()], headers=True)
s2 = step(2, ("你在", "How are"), [keep("c2", ("哪里", "you"), "0.25"), cut(("吗", "the"), "0.2"),
                                  cut(same("干"), "0.2"), elided()], level_with="c1")
s3 = step(3, sized(("你在哪里", "How are you"), en=19), [keep("c3", ("？", "？"), "0.3"), cut(same("玩"), "0.1"),
                                        cut(same("呢"), "0.2"), elided()], level_with="c2")

diagram = Diagram(
    id="greedy-search",
    chapter=("免训练的优化技术", "Optimization without training"),
    title=("贪婪搜索（Greedy Search）", "Greedy Search"),
    body=Grid(rows=[[Column(s1, Text("start", ("开始", ""), color="warm-grey", size=21), gap=12), s2, s3,
                     Node("more", "...", shape="plain", size=37, bold=True, level_with="c3")],
                    [None, Node("final", ("你在哪里？", "How are you?"), fill="model", size=21, width=245,
                                height=44)]],
              col_gap=100, row_gap=40),
    # The chosen token extends the prefix of the next step.
    edges=[Edge(f"{kept}.right", f"{nxt}.left", style="dotted", route="straight")
           for kept, nxt in [("c1", "p2"), ("c2", "p3"), ("c3", "more")]]
    + [Edge("more.right", "final.right", style="dotted", label=("最终结果", "Final Generation"), label_size=21)],
)
