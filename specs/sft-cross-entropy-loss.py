"""SFT loss (cross-entropy): the prompt and reference response go through
the LLM, which gives a probability distribution over the vocabulary at every
position; the labels are the tokens shifted left by one, the prompt area is
ignored, and the loss averages -log of each label's probability."""
from llmviz_dsl import Brace, Cell, Col, Column, Diagram, Edge, Node, Panel, Row, Table, Text, TRow, same

LABEL = "magenta"
PROMPT = [("虎", "Can"), ("皮", "dogs"), ("青", "eat"), ("椒", "ch"), ("用", "ocolate"), ("什么", "or"), ("做", "not"),
          ("？", "?")]
RESPONSE = [("青", "No"), ("椒", ","), ("，", "it's"), ("大蒜", "toxic"), ("。", ".")]
ROWS = ["0", "*", "*", "*", "151935"]


def token(i, label, fill, color="text"):
    return Node(f"t{i}", label, shape="box", fill=fill, color=color, width=76, height=47, pad=2, fit=True)


strip = Row(*[token(i, t, "data-deep") for i, t in enumerate(PROMPT)],
            *[token(8 + i, t, "model", LABEL) for i, t in enumerate(RESPONSE)], id="strip", gap=2)

E = ""


def position(k, cells):
    """The distribution at one position: (probability, token) per row; the
    label's probability in bold magenta beside its token."""
    rows = []
    for p, tok in cells:
        hit = bool(tok) and tok != "!"
        rows.append(TRow(Cell(p, color=LABEL if hit else ("text" if p == "..." else None), bold=hit),
                         Cell(tok, color=LABEL if hit else None)))
    return Table(columns=[Col(None, width=73, fill="model", id=f"p{k}"),
                          Col(None, width=66, bare=True, align="left")],
                 rows=rows, row_height=55, text_size=24, color="muted", fill="model", pad=4)


positions = [
    [("0.000", "!"), ("...", E), ("0.0009", ("青", "No")), ("...", E), ("0.001", E)],
    [("0.002", "!"), ("0.000", E), ("...", E), ("0.99", ("椒", ",")), ("...", E)],
    [("0.001", "!"), ("0.03", ("，", "it's")), ("...", E), ("...", E), ("0.000", E)],
    [("0.000", "!"), ("0.0004", E), ("...", E), ("0.0003", ("大蒜", "toxic")), ("...", E)],
    [("0.000", "!"), ("0.014", ("。", ".")), ("...", E), ("0.000", E), ("0.001", E)],
    [("0.001", "!"), ("...", E), ("0.327", same("<END>")), ("...", E), ("0.002", E)],
]

names = Table(columns=[Col(None, bare=True, align="right")], rows=[[r] for r in ROWS], row_height=55,
              text_size=24, color="muted")
ignored = Node("ignored", ("忽略Prompt\n区域，\n不计算Loss", "Ignore the\nPrompt area"), shape="box", fill="white",
               hatch="grey", label_fill="white", width=128, height=275,
               size=19)

distribution = Panel("dist", Panel(None, Row(names, ignored, *[position(k, c) for k, c in enumerate(positions)],
                                             gap=0, align="start"), fill="white", padding=0, radius=0),
                     title=("生成概率分布", "Generated probability distribution"), title_color="cyan",
                     title_bold=True, fill="panel", radius=24, padding=24)

NOTE = (("（1）左移1位，做为Label\n（2）根据Label查对应Token ID的概率",
                     "(1)  Shift left by one position, as the Label\n(2)  Lookup the probability of the\n"
                     "corresponding Token ID based on the Label"))

llm = Node("llm", same("LLM"), fill="secondary", stroke="black", stroke_width=1, width=198, height=67,
           icon="nn", icon_at="right", icon_size=46)

loss = Text("loss", (
    "$\\begin{aligned}\\mathcal{L}_{SFT} &= -\\frac{1}{N}\\sum_{j=1}^{N}\\sum_{i=1}^{C} y_{ji}\\log(\\hat{y}_{ji})"
    " = -\\frac{1}{6}\\sum_{j=1}^{6}\\sum_{i=0}^{151935} y_{ji}\\log(\\hat{y}_{ji}) \\\\"
    " &= -\\frac{1}{6}\\Bigg(\\log(\\underbrace{0.0009}_{\\textcolor{bright-blue}{“青”}})"
    " + \\log(\\underbrace{0.99}_{\\textcolor{bright-blue}{“椒”}})"
    " + \\log(\\underbrace{0.03}_{\\textcolor{bright-blue}{“，”}})"
    " + \\log(\\underbrace{0.0003}_{\\textcolor{bright-blue}{“大蒜”}})"
    " + \\log(\\underbrace{0.014}_{\\textcolor{bright-blue}{“。”}})"
    " + \\log(\\underbrace{0.327}_{\\textcolor{bright-blue}{{<}\\mathrm{END}{>}}})\\Bigg) \\\\"
    " &\\approx 3.99\\end{aligned}$",
    "$\\begin{aligned}\\mathcal{L}_{SFT} &= -\\frac{1}{N}\\sum_{j=1}^{N}\\sum_{i=1}^{C} y_{ji}\\log(\\hat{y}_{ji})"
    " = -\\frac{1}{6}\\sum_{j=1}^{6}\\sum_{i=0}^{151935} y_{ji}\\log(\\hat{y}_{ji}) \\\\"
    " &= -\\frac{1}{6}\\Bigg(\\log(\\underbrace{0.0009}_{\\textcolor{bright-blue}{\\text{No}}})"
    " + \\log(\\underbrace{0.99}_{\\textcolor{bright-blue}{\\text{,}}})"
    " + \\log(\\underbrace{0.03}_{\\textcolor{bright-blue}{\\text{it's}}})"
    " + \\log(\\underbrace{0.0003}_{\\textcolor{bright-blue}{\\text{toxic}}})"
    " + \\log(\\underbrace{0.014}_{\\textcolor{bright-blue}{\\text{.}}})"
    " + \\log(\\underbrace{0.327}_{\\textcolor{bright-blue}{{<}\\mathrm{END}{>}}})\\Bigg) \\\\"
    " &\\approx 3.99\\end{aligned}$"), math_size=25)

diagram = Diagram(
    id="sft-cross-entropy-loss",
    chapter=("SFT", "SFT"),
    title=("SFT的Loss（交叉熵）", "Loss of SFT (cross-entropy)"),
    body=Column(
        Column(strip, llm, distribution, gap=60, align="start"),
        loss, gap=60),
    edges=[Edge("strip", "llm", route="straight", plumb=True, color="sky-pale"),
           Edge("llm", "dist", route="straight", plumb=True, color="sky-pale"),
           *[Edge(f"t{7 + k}", f"p{k}.top", route="straight", style="dotted", color="sky") for k in range(6)
             if k != 2],
           Edge("t9", "p2.top", route="straight", style="dotted", color="sky", label=NOTE, label_color="sky",
                label_size=21, label_align="left", label_at=0.45)],
    overlays=[
        Brace([f"t{i}" for i in range(8)], side="top", label=same("Prompt"), color="grey", label_color="grey"),
        Brace([f"t{i}" for i in range(8, 13)], side="top", label=("参考回答（Response）", "Response"), color="grey",
              label_color="grey"),
        Brace(["strip"], side="bottom", color="sky-pale", depth=10),
    ],
)
