"""Prefix-Tuning: trainable prefix activations are put in front of the
prompt at every layer (bottom); a sequence's activations split into prefix,
prompt and output positions (middle); what that costs (top formulas)."""
from llmviz_dsl import Brace, Cells, Column, Diagram, Gap, Grid, Node, Panel, Row, Span, Text, same, sized

# ---------------------------------------------------------------- formulas

OUTPUTS = ("$\\begin{aligned}\\mathrm{Output}_i^{\\mathrm{Base}} &= \\mathrm{LLM}\\text{（}\\mathrm{Prompt},"
           "\\mathrm{Output}_{1\\sim i-1}\\text{）}\\\\"
           "\\mathrm{Output}_i^{\\mathrm{Prefix\\text{-}Tuning}} &= \\mathrm{LLM}\\text{（}"
           "\\textcolor{bright-blue}{\\mathrm{Prefix}},\\mathrm{Prompt},\\mathrm{Output}_{1\\sim i-1}"
           "\\text{）}\\end{aligned}$")


def cost(total, layers, length, hidden):
    def part(name, what):
        return f"\\underbrace{{\\text{{{name}}}}}_{{\\textcolor{{bright-blue}}{{\\text{{{what}}}}}}}"
    product = " \\times ".join([part("Layer_cnt", layers), part("Prefix_len", length),
                                  part("Hidden_size", hidden)])
    return f"$\\begin{{aligned}}{total} &= {product}\\\\ &= 32 \\times 2 \\times 4 = 256\\end{{aligned}}$"


COST = (cost("\\mathrm{Prefix\\text{-}Tuning}\\text{的总参数量}", "模型层数", "Prefix长度", "隐层维度"),
        cost("\\mathrm{Parameter\\ cnt\\ of\\ Prefix\\text{-}Tuning}", "Layers", "Prefix Length", "Dimension"))

formulas = Row(Text(None, OUTPUTS, size=24, pad=0), Text(None, COST, size=24, pad=0), gap=40, align="start")

# ---------------------------------------------------------------- one sequence

PROMPT = ["[请]", "[续写]", "[ : ]", "[你]", "[真]", "[END]"]
OUTPUT = ["[你]", "[真]", "[的]", "[好]", "[聪明]", "[呀]", "[ ! ]", "[END]"]


def tag(text):
    return Text(None, text, color="rust", pad=0)


def token(id, text, color, size=24):
    return Text(id, text, color=color, size=size, pad=0)


def index(name, rng):
    return f"$\\mathrm{{{name}}}$" + f"$_{{\\text{{idx}}}}$={rng}"


W = 72  # one position
sequence = Grid(col_gaps=[24] + [0] * 15, row_gap=0, col_align=["end"] + ["center"] * 16, rows=[
    [tag(("索引：", "Index："))],   # level with the labels of the braces over the positions
    [Gap(height=35.4)],
    [tag(("激活值（$H$）：", "Activation（$H$）：")),
     *[Span(Node(f"h{i}", f"$h_{{{i}}}$", shape="box", fill="model", width=W, height=124), align="stretch")
       for i in range(1, 17)]],   # one unbroken band
    [Gap(height=16)],
    [tag(("Token序列：", "Token：")),
     token("p1", sized(("[前缀1]", "[Prefix1]"), en=19), "leaf", 21),
     token("p2", sized(("[前缀2]", "[Prefix2]"), en=19), "leaf", 21),
     *[token(f"q{i}", same(t), "orange") for i, t in enumerate(PROMPT)],
     *[token(f"o{i}", same(t), "blue") for i, t in enumerate(OUTPUT)]],
    [Gap(height=90)],
])

# ---------------------------------------------------------------- every layer

STEP, STRIP = 122, 31   # strip pitch and width


def strip(id, fill):
    return Cells(id=id, rows=[[""]] * 4, fill=fill, cell_width=STRIP, cell_height=30)


def layer(n):
    """A layer's activations: two prefix strips (green), the sequence's (grey)."""
    strips = [strip(f"s{n}_{k}", "green" if k < 2 else "frame") for k in range(6)]
    dots = Text(None, "... ...", size=24, pad=0, width=STRIP)
    return Panel(f"l{n}", Row(*strips, dots, strip(f"s{n}_7", "frame"), gap=STEP - STRIP), fill="secondary",
                 padding=16, radius=0)


def up():
    return Node(None, None, shape="arrow", direction="up", fill="silver", width=42, height=40)


def name(n):
    return Text(None, (f"第{n}层", f"Layer {n}"), size=24, pad=0)


BELOW = [token("v1", ("[虚拟\nToken1]", "[Virtual\nToken1]"), "leaf", 21),
         token("v2", ("[虚拟\nToken2]", "[Virtual\nToken2]"), "leaf", 21),
         *[token(f"r{i}", same(t), "muted", 21) for i, t in enumerate(["[BEGIN]", "[请]", "[续写]", "[ : ]",
                                                                        "... ...", "[PAD]"])]]

middle = Row(Gap(width=354), Column(up(), Text(None, "... ...", size=29, color="purple", bold=True, pad=0), up(),
                                    gap=8),
             Gap(width=85), Node("act", sized(("激活值", "Activation"), en=21), shape="bubble", tail="bottom-left",
                                  tail_length=104, fill="data", size=27),
             gap=0, align="end")

layers = Grid(col_gap=40, row_gap=14, rows=[
    [Span(Text(None, sized(("一个任务的\n所有前缀（Prefix）", "All prefixes\nfor one task"), en=27), size=24, pad=0), rows=5),
     layer(32), name(32)],
    [middle, None],
    [layer(2), name(2)],
    [up(), None],
    [layer(1), name(1)],
    [None, Row(*[Node(t.id, t.label, shape="plain", fill=None, color=t.color, size=21, width=STEP)
                 for t in BELOW], gap=0), None],
    [Gap(height=70)],
])


def brace(members, label=None, side="bottom", label_color="text", **kw):
    return Brace(members, side=side, label=label, color="grey", label_color=label_color, **kw)


diagram = Diagram(
    id="prefix-tuning",
    chapter=same("SFT"),
    title=same("Prefix-Tuning"),
    body=Column(formulas, Panel(None, sequence, padding=24), Panel(None, layers, padding=24), gap=28,
                align="stretch"),
    overlays=[
        # Over one unbroken band: inset, so neighbouring braces leave a gap.
        brace(["h1", "h2"], index("Prefix", "[1,2]"), side="top", label_size=27, inset=20),
        brace(["h3", "h8"], index("Prompt", "[3,4,5,6,7,8]"), side="top", label_size=27, inset=20),
        brace(["h9", "h16"], index("Output", "[9,10,11,12,13,14,15,16]"), side="top", label_size=27, inset=20),
        brace(["p1", "p2"], ("前缀", "Prefix")), brace(["q0", "q5"], same("Prompt")),
        brace(["o0", "o7"], ("输出", "Output")),
        brace(["s32_0", "s32_1"], ("前缀长度=2", "Prefix length=2"), gap=30, label_color="grey", label_size=21),
        brace(["s32_1"], sized(("隐层\n维度\n=4", "Dim\n=4"), en=19), side="right", gap=4, depth=8, label_color="muted",
              label_size=21),
        brace(["l32", "l1"], side="left"),
        brace(["v1", "v2"], ("（1）插入的虚拟前缀", "（1）Inserted virtual prefix"), label_size=24),
        brace(["r1", "r5"], ("（2）实际的真实输入、输出", "（2）Original input and output"), label_size=24),
    ],
)
