"""LLM generation and decoding: four steps of autoregressive generation.
At each step the context so far offers candidate next tokens with their
probabilities (a mini bar chart); greedy decoding takes the most probable
one, which is appended to the context of the next step (dotted feedback),
until the final answer. Grey rules part the column headers."""
from llmviz_dsl import (Bar, BarChart, Diagram, Edge, Gap, Grid, Look, Node, Region, Row, Rule, Span, Text,
                        sized)

PITCH = 57                  # one candidate: its row and its bar
PROB = Look(fill="secondary")
R = None                    # a header rule's column: empty below the header


def stage(k, context, cands, probs, pick, token):
    """One generation step: the row's cells, its edges and its band."""
    chart = BarChart(horizontal=True, axes=False, length=192, max_value=1, bar_width=PITCH - 7, gap=7, value_gap=2,
                     bars=[Bar(None, v, PROB, text="", icon="check" if i == pick else None, icon_size=27,
                               icon_fill="none", icon_stroke="cyan")
                           for i, v in enumerate(probs)])
    # The candidates' column is as wide as its header; the band reaches across it.
    column = Grid(id=f"cands{k}", row_gap=0, rows=[[Gap(width=98)], *[
        [Text(f"c{k}_{i}", c, color="cyan", bold=True, size=32, height=PITCH, pad=0)] for i, c in enumerate(cands)]])
    cells = [Text(None, f"({k})", color="grey", size=32), R,
             Node(f"ctx{k}", context, shape="box", fill=None, color="gold", size=29, width=290, height=4 * PITCH),
             Gap(id=f"fan{k}"), R, column, R, chart, R, Gap(id=f"from{k}"), R,
             Node(f"t{k}", token, shape="box", fill="model", stroke="grey", width=126, height=51, size=32)]
    edges = [Edge(f"fan{k}", f"c{k}_{i}.left", route="straight") for i in range(len(cands))]
    edges.append(Edge(f"from{k}", f"t{k}.left", route="straight"))
    region = Region(members=[f"ctx{k}", f"cands{k}"], fill="band", padding=0, radius=0)
    return cells, edges, region


STAGES = [
    stage(1, ("你是谁？", "How are you？"), ["！", "...", ("我", "I'm"), "..."], [0.05, 0.26, 0.67, 0.19], 2,
          ("我", "I'm")),
    stage(2, ("你是谁？我", "How are you？I'm"), ["！", sized(("是", "doing"), en=24), "...", "..."],
          [0.05, 0.58, 0.1, 0.38], 1, ("是", "doing")),
    stage(3, ("你是谁？我是", "How are you？I'm\ndoing"), ["！", "...", "...", sized(("大模型", "well"), zh=29, en=29)],
          [0.05, 0.26, 0.1, 0.67], 3, ("大模型", "well")),
    stage(4, ("你是谁？我是大模型", "How are you？I'm\ndoing well"), ["！", "...", ("。", "."), "..."],
          [0.05, 0.34, 0.49, 0.15], 2, ("。", ".")),
]


def rule():
    return Rule(color="grey", shadow=False)


def head(label, color):
    return Text(None, label, color=color, size=32)


header = [None, rule(), Span(head(("输入（上下文）", "Input（Context）"), "gold"), cols=2), rule(),
          head(sized(("候选", "Candidate"), en=21), "cyan"), rule(),
          Span(head(sized(("概率", "Probabilities"), en=21), "purple"), align="stretch"), rule(), None, rule(),
          head(sized(("生成词元\n（Token）", "Generate\ntoken"), en=29), "cyan"), rule()]

body = Grid(row_gaps=[20, 6, 48, 48, 48, 14],
            col_gaps=[56, 0, 0, 101, 0, 0, 2, 0, 8, 575, 23, 37],
            col_align=["end", "center", "center", "center", "center", "center", "center", "start", "center",
                       "start", "center", "center", "center"],
            rows=[[None, None, Span(Node("ask", ("你是谁？", "How are you？"), shape="bubble", tail="bottom-left",
                                        fill="data", stroke="grey", size=32, width=264), align="start")],
                  header, *[s[0] for s in STAGES],
                  [Span(Text(None, sized(("说明：\n1、忽略了结束符<EOS>等特殊处理逻辑。\n2、仅以贪婪搜索解码算法为例。",
                                          "Explanation:\n1.  Ignores special processing logic such as the "
                                          "end-of-sequence token <EOS>.\n2.  Uses the greedy search decoding "
                                          "algorithm as an example."), en=24), color="grey", size=28, align="left"),
                        cols=8, align="start"),
                   Span(Row(Node("answer", ("我是大模型。", "I'm doing well."), shape="bubble", tail="bottom-right",
                                 fill="model", stroke="grey", size=32, width=264), Gap(width=276), gap=0),
                        cols=5, align="end")]])


def feedback(a, b, **kw):
    return Edge(a, b, style="dotted", **kw)


diagram = Diagram(
    id="llm-generation-decoding",
    chapter=("LLM基础", "LLM basics"),
    title=("LLM生成与解码过程", "LLM generation and decoding"),
    body=body,
    edges=[e for s in STAGES for e in s[1]] + [
        feedback("ask.left", "ctx1.left"), feedback("t1.bottom", "ctx2.left"), feedback("t2.bottom", "ctx3.left"),
        feedback("t3.bottom", "ctx4.left"),
        feedback("t4.bottom", "answer.right", label=sized(("最终回答", "Final answer"), en=28), label_color="grey",
                 label_size=32, label_side="left")],
    overlays=[s[2] for s in STAGES],
)
