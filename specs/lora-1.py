"""LoRA (1 of 2): a weight matrix is close to the product of two low-rank
matrices (top); the frozen projections W_q, W_k, W_v each get a trainable
LoRA branch whose output is added to theirs before attention (bottom)."""
from llmviz_dsl import Brace, Cells, Column, Diagram, Edge, Gap, Grid, Node, Panel, Row, Span, Text, same, sized

E = "..."


def matrix(id, rows, cols, elided_row=None, elided_col=None):
    """A green weight matrix; an elided row/column reads "..." on grey."""
    cells = [[E if r == elided_row or c == elided_col else "" for c in range(cols)] for r in range(rows)]
    fills = [["light-grey" if v else None for v in row] for row in cells]
    return Cells(id=id, rows=cells, cell_fills=fills, fill="green", cell_width=36.5, cell_height=35,
                 text_size=16, color="text")


low_rank = Panel(None, Column(
    Gap(height=70),
    Row(Gap(width=110), matrix("w", 7, 7, 3, 3),
        Column(Gap(height=50), Text(None, "≈", size=107, color="orange", pad=0),
               Text(None, sized(("分解为2个低维矩阵，\n参数量大幅减少", "Decomposed into 2\nlow-dimensional matrices"), en=21),
                    size=24, pad=0), gap=0),
        matrix("a", 7, 2, elided_row=3), Gap(width=70),
        Column(Gap(height=4), Text(None, "×", size=64, color="orange", bold=True, pad=0), gap=0),
        Column(matrix("b", 2, 7, elided_col=3), Gap(height=145),
               Text(None, ("", "Dramatically reduced parameter count !"), size=21, pad=0), gap=0, align="end"),
        Gap(width=30), gap=40, align="start"),
    gap=0), title=sized(("低秩性", "Low-rank property"), en=21), title_at="bottom-left", title_bold=True, title_size=24,
    fill="panel", padding=24)


def frozen(id, w):
    return Node(id, ("旧参数\n$\\boldsymbol{W}_" + w + "$", "$\\boldsymbol{W}_" + w + "$"), shape="box",
                fill="band", stroke="grey", width=169, height=158, badge="lock", badge_at="bottom-left",
                badge_color="gold", badge_size=38)


def lora(id):
    return Node(id, ("LoRA\n模块\n参数", "LoRA"), shape="box", fill="green", width=121, height=158, size=28)


def side(text):
    return Text(None, text, color="grey", pad=0)


def plus(id):
    return Node(id, "+", shape="circle", fill="model", width=62, height=62, size=43)


# The English figure names the two kinds once, beside the first pair.
FROZEN, FREE = sized(("冻结", "Frozen"), en=21), sized(("自由\n更新", "Trainable"), en=21)
FROZEN_, FREE_ = ("冻结", ""), ("自由\n更新", "")
COLS = 12
projections = Grid(col_gaps=[8, 12, 8, 60] * 2 + [8, 12, 8], row_gap=0, rows=[
    [Span(Node("attn", same("Attention"), shape="box", fill="model", width=377, height=65, size=29), cols=COLS)],
    [Gap(height=108)],
    [None, Span(plus("pq"), cols=2), None, None, Span(plus("pk"), cols=2), None, None, Span(plus("pv"), cols=2)],
    [Gap(height=80)],
    [side(FROZEN), frozen("wq", "q"), lora("lq"), side(FREE),
     side(FROZEN_), frozen("wk", "k"), lora("lk"), side(FREE_),
     side(FROZEN_), frozen("wv", "v"), lora("lv"), side(FREE_)],
    [Gap(height=40)],
    [Span(Node("hub", None, shape="plain", fill=None, width=1, height=1), cols=COLS)],   # where the input branches
    [Gap(height=60)],
    [Span(Node("x", ("输入（$X$）", "Input（$X$）"), shape="box", fill="data-deep", width=375, height=65, size=29),
          cols=COLS)],
])


def part(src, dst, label):
    """A projection's own output into its sum, labelled in grey."""
    return Edge(src + ".top", dst, label=label, label_color="grey", label_side="left" if dst.endswith("left")
                else "right")


def qkv(src, dst, label, at=0.5):
    """A sum into attention, labelled on its rising part."""
    return Edge(src + ".top", dst, label=label, label_side="left", label_at=at)


diagram = Diagram(
    id="lora-1",
    chapter=same("SFT"),
    title=("LoRA（1/2）", "LoRA（1/2）"),
    body=Column(low_rank, Panel(None, projections, fill="panel", padding=24), gap=28, align="stretch"),
    edges=[
        Edge("x", "hub", head="none"), *[Edge("hub", n) for n in ("wq", "lq", "wk", "lk", "wv", "lv")],
        part("wq", "pq.left", "$\\boldsymbol{Q_1}$"), part("lq", "pq.right", "$\\boldsymbol{Q_2}$"),
        part("wk", "pk.left", "$\\boldsymbol{K_1}$"), part("lk", "pk.right", "$\\boldsymbol{K_2}$"),
        part("wv", "pv.left", "$\\boldsymbol{V_1}$"), part("lv", "pv.right", "$\\boldsymbol{V_2}$"),
        qkv("pq", "attn.left", "$\\boldsymbol{Q}$", 0.2), qkv("pk", "attn.bottom", "$\\boldsymbol{K}$"),
        qkv("pv", "attn.right", "$\\boldsymbol{V}$", 0.2),
    ],
    overlays=[
        Brace(["w"], side="top", label=("1024列", "1024"), color="grey", label_color="text"),
        Brace(["w"], side="left", label=("1024行", "1024"), color="grey", label_color="text"),
        Brace(["a"], side="top", label="2", color="grey", label_color="text"),
        Brace(["a"], side="right", label="1024", color="grey", label_color="text"),
        Brace(["b"], side="top", label="1024", color="grey", label_color="text"),
        Brace(["b"], side="right", label="2", color="grey", label_color="text"),
    ],
)
