"""LLM output layer: the last decoder layer's hidden states go through the
LM head to logits at every position; the last position's logits become
probabilities over the whole vocabulary (softmax), and decoding picks the
next token. Each strip has what it is on its right."""
from llmviz_dsl import Bar, BarChart, Brace, Cells, Diagram, Edge, Gap, Grid, Look, Node, Span, Text, same, sized

E = ""                      # an empty cell
N = 16                      # vocabulary columns shown
CELL = 53.7                 # one vocabulary column: cell and bar pitch
BRACE = 48                  # room over the chart for the decoding brace; its tip starts the arrow


def strip(id, cells, fill, height=35, **kw):
    """One row of vocabulary cells."""
    return Cells(id=id, rows=[cells], cell_width=CELL, cell_height=height, fill=fill, text_size=27, **kw)


def tensor(id, first, last, dim, cols):
    """Three rows of values, elided in the middle, with its shape over it."""
    rows = [[a, "...", *[E] * (cols - 4), "...", b] for a, b in zip(first, last)]
    return Cells(id=id, rows=rows, row_fills=["loss", "secondary", "model"], cell_width=52.7 if cols < N else CELL,
                 cell_height=33.6, text_size=27, overlay=sized((f"（形状：3×{dim}）", f"（Shape：3×{dim}）"), en=21),
                 overlay_size=24, overlay_color="purple")


def bar(value, text=None, **kw):
    return Bar(None, value, text=text if text is not None else "", **kw)


# The bars stand over the vocabulary cells: one pitch, and the axes reach as
# far past the bars on the left (inset) as on the right (tail).
probs = BarChart(
    id="probs",
    bars=[bar(0.01, "0.01"), bar(0.03, "0.03"), bar(0.001, "0.001"), bar(0.08), bar(0.025), bar(0.11),
          bar(0.34, "0.34", icon="check", icon_size=27, icon_fill="none", icon_stroke="cyan"), bar(0.075), bar(0.037), bar(0.1, "0.10"), bar(0.007),
          bar(0.04, "0.04"), bar(0.007), bar(0.075), bar(0, "...", text_color="cyan"), bar(0.001, "0.001")],
    bar_width=40, gap=CELL - 40, inset=36, tail=36, length=174, headroom=40,
    look=Look(fill="model", stroke="grey"), value_size=22, value_color="text", value_gap=4,
    y_title=("概率\n（$P$）", "Probability（$P$）"), y_title_at="right", title_size=24,
)


def name(label, rows=1, size=24):
    """What a strip is, in grey, level with it."""
    return Span(Text(None, label, color="grey", size=size, align="left", pad=0), rows=rows, overhang=True)


stack = Grid(row_gap=0, col_gap=88, col_align=["center", "start"], rows=[
    [Node("next", ("我", "I'm"), shape="box", fill="model", width=69, height=52), name(("预测的下一个词元", "Predicted next token"), size=27)],
    [Gap(id="decode", height=64), None],
    [Gap(height=BRACE), None],
    [probs, name(("全词表概率分布\n(所有候选词元)", "Probability distribution\nover the entire vocabulary"))],
    [Gap(height=6), None],
    [strip("tokens", ["!", "\"", "#", E, E, E, ("我", "I'm"), E, E, ("怎\n么", "Not"), E, ("不\n要", "I've"),
                      *[E] * 4], "light-grey", height=66, color="muted"),
     name(sized(("转为概率（Softmax）", "Converted to probabilities\n（Softmax）"), en=21), rows=2)],
    [Gap(height=64), None],
    [strip("last", ["2.0", "3.1", "-1.7", E, E, E, "8.6", E, E, "5.3", E, "3.4", E, E, E, "-1.7"], "model", height=37),
     name(("最后一个位置的\nLogits", "Logits of last position"))],
    [Gap(height=65), None],
    [tensor("logits", ["3.6", "5.1", "2.0"], ["-2.1", "2.9", "-1.7"], 151936, N),
     name(("所有位置的\nLogits", "Logits of all position"))],
    [Gap(height=52), None],
    [Node("head", ("语言模型头\n（LM Head）", "LM Head"), fill="secondary", stroke="black", width=359, height=70,
          size=24), None],
    [Gap(height=45), None],
    [tensor("hidden", ["2.6", "-1", "0.4"], ["0.8", "-1.3", "0.6"], 896, 10),
     name(sized(("隐藏状态\n(Hidden States)", "Hidden States"), en=28))],
    [Gap(height=40), None],
    [Text("from", sized(("来自最后一层Decoder", "From the last Decoder layer"), en=21), color="grey", size=27), None],
])


def up(a, b, **kw):
    return Edge(a, b, route="straight", **kw)


diagram = Diagram(
    id="llm-output-layer",
    chapter=("LLM基础", "LLM basics"),
    title=("LLM 输出层", "LLM output"),
    body=stack,
    edges=[up("from", "hidden"), up("hidden", "head"), up("head", "logits"), up("logits", "last"),
           up("last", "tokens"),
           up("decode.bottom", "next", label=("\\textcolor{text}{解码}（随机采样/选最大概率/...）",
                                          "\\textcolor{text}{Decoding}（Sampling/Top-K/...）"),
              label_side="right", label_color="grey", label_size=24)],
    overlays=[Brace(["probs"], side="top", color="text", fill="panel", depth=33, gap=BRACE - 33)],
)
