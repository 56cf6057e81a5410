"""LoRA (2 of 2): the frozen projection W_q and its LoRA branch (left),
opened up (right): the branch is the product of a d x r matrix A (random
initialisation) and an r x d matrix B (zeros), so Q = (W_q + AB)X."""
from llmviz_dsl import Brace, Cells, Column, Diagram, Edge, Gap, Grid, Node, Panel, Row, Span, Text, same

FORMULA = ("$\\boldsymbol{Q} = \\boldsymbol{Q}_1 + \\boldsymbol{Q}_2 = \\boldsymbol{W}_q \\boldsymbol{X}"
           " + \\Delta \\boldsymbol{W}_q \\boldsymbol{X} = \\boldsymbol{W}_q \\boldsymbol{X} + \\boldsymbol{ABX}"
           " = (\\boldsymbol{W}_q + \\boldsymbol{AB})\\boldsymbol{X}"
           " = \\boldsymbol{W}_q^{\\mathrm{Merged}} \\boldsymbol{X}$")


def bold(v):
    return f"$\\boldsymbol{{{v}}}$"


def plus(id):
    return Node(id, "+", shape="circle", fill="model", width=62, height=62, size=43)


def end(id):
    """Where an output arrow stops or a line starts (nothing is drawn)."""
    return Node(id, None, shape="plain", fill=None, width=1, height=1)


def hub(id):
    """Where the input branches."""
    return end(id)


def inputs(id):
    return Node(id, ("输入（$\\boldsymbol{X}$）", "Input（$\\boldsymbol{X}$）"), shape="box", fill="data-deep",
                width=190, height=65, size=29)


def frame(child):
    return Panel(None, child, fill=None, stroke="red", dash="dotted", stroke_width=1.33, padding=24)


def matrix(id, rows, cols, fill, **kw):
    return Cells(id=id, rows=[[""] * cols] * rows, fill=fill, cell_width=43.3, cell_height=41.7, **kw)


def note(text):
    return Text(None, text, color="warm-grey", pad=0, align="left")


# Left: the branch as a box beside the frozen weights.
compact = Column(end("q_out"), Gap(height=80), frame(Column(
    plus("p"),
    Gap(height=60),
    Row(Node("w", ("旧参数\n$\\boldsymbol{W}_q$", "$\\boldsymbol{W}_q$"), shape="box", fill="light-grey",
             width=169, height=158, badge="lock", badge_color="gold", badge_at="bottom-left", badge_size=38),
        Node("l", ("LoRA\n模块\n参数\n$\\Delta\\boldsymbol{W}_q$", "LoRA\n\n$\\Delta\\boldsymbol{W}_q$"),
             shape="box", fill="green", width=121, height=158, size=28),
        gap=56),
    Gap(height=140), hub("h"), Gap(height=40), gap=0)), Gap(height=50), inputs("x"), gap=0)

# Right: the branch opened up into A and B.
lora = Panel("lora", Column(
    Gap(height=50),
    Row(matrix("a", 6, 2, "green", overlay=bold("A"), overlay_size=43, overlay_color="text"),
        Grid(col_gap=10, row_gap=0, rows=[
            [Text(None, "×", size=43, color="blue", pad=0),
             matrix("b", 2, 6, "green", overlay=bold("B"), overlay_size=43, overlay_color="text")],
            [None, note(("用0初始化", "Init with zeros"))],
            [Gap(height=60)],
            [Span(note(("用随机数\n初始化", "Init with random\nnumbers")), cols=2, align="start")],
        ]), gap=6, align="start"),
    Gap(height=50),
    Text(None, ("LoRA模块参数 $\\Delta\\boldsymbol{W}_q$=$\\boldsymbol{A}$×$\\boldsymbol{B}$\n（自由更新）",
                "LoRA  $\\Delta\\boldsymbol{W}_q$=$\\boldsymbol{A}$×$\\boldsymbol{B}$\n\n（\\textcolor{grey}{Trainable}）"), pad=0),
    gap=0), fill="green-pale", padding=24)

opened = Column(end("q_out2"), Gap(height=80), frame(Column(
    plus("p2"),
    Gap(height=70),
    Row(Column(end("wm_top"), Gap(height=70), matrix("wm", 6, 6, "light-grey", overlay=(
        "**旧参数**$\\boldsymbol{W}_q$\n（冻结）", "$\\boldsymbol{W}_q$\n（\\textcolor{grey}{Frozen}）"), overlay_size=27,
        overlay_color="text", badge="lock", badge_color="gold", badge_size=38), gap=0),
        lora, gap=120),
    Gap(height=60), hub("h2"), Gap(height=20), gap=0)), Gap(height=50), inputs("x2"), gap=0)

diagram = Diagram(
    id="lora-2",
    chapter=same("SFT"),
    title=("LoRA（2/2）", "LoRA（2/2）"),
    body=Column(
        Text(None, FORMULA, size=30, pad=0),
        Row(compact, Column(Node(None, None, shape="arrow", fill="loss", width=80, height=70), Gap(height=420),
                            gap=0),
            opened, gap=24, align="end"),
        gap=40),
    edges=[
        Edge("x", "h", head="none"), Edge("h", "w"), Edge("h", "l"),
        Edge("w.top", "p.left", label=bold("Q_1"), label_side="left"),
        Edge("l.top", "p.right", label=bold("Q_2"), label_side="right"),
        Edge("p", "q_out", label=bold("Q"), label_side="left"),
        Edge("x2", "h2", head="none"), Edge("h2", "wm"), Edge("h2", "lora"),
        Edge("wm_top", "p2.left", label=bold("Q_1"), label_side="left", label_at=0.3),
        Edge("lora.top", "p2.right", label=bold("Q_2"), label_side="right"),
        Edge("p2", "q_out2", label=bold("Q"), label_side="left"),
    ],
    overlays=[
        Brace(["wm"], side="top", label="$\\boldsymbol{d}$ = 1024", color="grey", label_color="warm-grey"),
        Brace(["wm"], side="right", label=bold("d"), color="grey", label_color="warm-grey"),
        Brace(["b"], side="top", label=bold("d"), color="grey", label_color="warm-grey"),
        Brace(["b"], side="right", label="$\\boldsymbol{r}$ = 2", color="grey", label_color="warm-grey"),
    ],
)
