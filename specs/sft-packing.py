"""Packing: samples of different lengths, each padded to the maximum
sequence length (left), are packed end to end into fewer rows (right); the
position index restarts with each sample, and the attention mask is
block-diagonal (each sample attends causally to itself only)."""
from llmviz_dsl import Brace, Cells, Column, Diagram, Edge, Gap, Grid, Node, Panel, Row, Text, same

TOKEN, GAP, SEQ = 66, 10, 684          # a token's width, between segments, the maximum sequence length
FULL = SEQ / TOKEN                     # a sample as long as the maximum
COLORS = {1: "green-pale", 2: "loss", 3: "model", 4: "cream", 5: "peach"}
BUBBLE = ("空", "Bubble")


def data(k):
    return (f"数据 {k}", f"Data {k}")


def segment(id, label, width, fill, **kw):
    return Node(id, label, shape="box", fill=fill, width=width, height=64, size=29, pad=2, **kw)


def bubble(id, width, **kw):
    return segment(id, BUBBLE, width, "white", stroke="grey", stroke_width=1.5, fit=True, **kw)


def sequence(id, *samples):
    """One row of the maximum length: samples (number, tokens) end to end,
    then a bubble filling the rest."""
    parts = [segment(f"{id}_{k}", data(k), n * TOKEN, COLORS[k]) for k, n in samples]
    rest = SEQ - sum(n * TOKEN for _, n in samples) - GAP * len(samples)
    if rest > 0:
        parts.append(bubble(f"{id}_pad", rest))
    return Row(*parts, id=id, gap=GAP)


def positions(*samples):
    """The position index over packed samples: 1..n above each one."""
    return Row(*[Cells(rows=[[str(i + 1) for i in range(n)]], cell_width=TOKEN, cell_height=34,
                       fill="white", color="grey", text_size=27) for _, n in samples], gap=GAP)


def mask(blocks, size=10):
    """A block-diagonal causal mask: each (start, length, colour) block is
    lower-triangular; everything else is masked."""
    fills = [[None] * size for _ in range(size)]
    for start, n, fill in blocks:
        for r in range(n):
            for c in range(r + 1):
                fills[start + r][start + c] = fill
    return Cells(id="mask", rows=[[""] * size] * size, cell_width=39, cell_height=41.5, fill="mask-grey",
                 cell_fills=fills)


first = Panel("first", Column(positions((1, 3), (2, 2), (3, 4)), sequence("p1", (1, 3), (2, 2), (3, 4)),
                              gap=4, align="start"),
              fill=None, stroke="red", dash="dashed", stroke_width=1.5, padding=12, radius=10)

packed = Grid(col_gap=10, row_gap=20, col_align=["end", "start"], rows=[
    [Column(Text(None, ("位置编号：", "Position index："), color="grey", pad=0), Gap(height=56), gap=0), first],
    [None, sequence("p2", (4, FULL))],
    [None, sequence("p3", (4, 2), (5, 6))],
    [None, Gap(height=45)],
    [None, Row(mask([(0, 3, COLORS[1]), (3, 2, COLORS[2]), (5, 4, COLORS[3])]), Gap(width=240), gap=0)],
])

samples = Column(sequence("s1", (1, 3)), sequence("s2", (2, 2)), sequence("s3", (3, 4)),
                 sequence("s4", (4, FULL)), sequence("s5", (4, 2)), sequence("s6", (5, 6)),
                 id="samples", gap=24, align="start")

LENGTH = ("最大序列长度", "Maximum sequence length")

diagram = Diagram(
    id="sft-packing",
    chapter=("SFT", "SFT"),
    title=("多个数据的拼接（Packing）", "Packing of multiple pieces of sample"),
    body=Row(Column(Gap(height=128), samples, gap=0), packed, gap=77, align="start"),
    edges=[
        # From the red brace's tip, the label turned along the arrow.
        Edge("pack", "p2.left", route="straight", color="red", label=("拼接\n（Packing）", "Packing"),
             label_color="red", label_along=True),
        Edge("first.right", "mask.right", color="red", label=("Attention Mask\n（锯齿形）", "Attention Mask\n（Zigzag）"),
             label_color="red", label_side="left"),
    ],
    overlays=[
        Brace(["samples"], id="pack", side="right", color="red", gap=14, depth=10),
        Brace(["samples"], side="bottom", color="black", label=LENGTH, label_color="text", label_size=29),
        Brace(["mask"], side="bottom", color="black", label=LENGTH, label_color="text", label_size=29),
    ],
)
